import { expect } from 'vitest';
import type { signedIn } from '../helpers';

export type Session = Awaited<ReturnType<typeof signedIn>>;

/** Codes an author chooses, one of each kind the tests need (H3 with its restriction in words). */
export const H0 = { handling: 'H0', reliability: 'B', accuracy: '2' } as const;
export const H2 = { handling: 'H2', reliability: 'A', accuracy: '1' } as const;
export const H3 = {
  handling: 'H3',
  restriction: 'Solo para la fiscalía de Tapachula',
  reliability: 'B',
  accuracy: '3',
} as const;

/** Opens a thread through the API as `who` (an urgent alert unless told otherwise). */
export async function openThread(
  who: Session,
  participants: { kind: string; ref?: string }[],
  extra: Record<string, unknown> = {},
  message: Record<string, unknown> = {
    body: 'Lancha con 40 personas salió de Ocós hacia Chiapas',
    codes: H0,
  },
) {
  const res = await who.browser.post('/api/exchange/threads', {
    subject: 'Embarcación sospechosa en Ocós',
    type: 'alert',
    priority: 'urgent',
    participants,
    message,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reference: string; replyBy: string; createdAt: string };
}
