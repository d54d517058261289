import { recordAuthorisation } from '../../src/modules/directory/directory.service';
import { buildActor } from '../../src/platform/authz/access';
import { buildUser, type TestApp } from '../helpers';

const admins = new WeakMap<TestApp, string>();

/**
 * Records, as a network administrator, a Foreign Affairs authorisation for a liaison or
 * prosecutor (valid a year from the test clock unless told otherwise): what the exchange requires.
 */
export async function authorise(t: TestApp, userId: string, validUntil?: string) {
  let adminId = admins.get(t);
  if (!adminId) {
    adminId = (await buildUser(t, { role: 'network_admin', countryCode: 'RCM' })).id;
    admins.set(t, adminId);
  }
  const now = t.clock.now();
  const admin = buildActor(
    { id: adminId, role: 'network_admin', country_code: 'RCM', agency_id: null },
    'test',
  );
  return recordAuthorisation(
    { ...t.ctx, actor: admin },
    {
      userId,
      authorisedBy: 'Dirección General de Asuntos Consulares',
      noteReference: `NOTA-${userId.slice(0, 8)}`,
      authorisedOn: now.toISOString().slice(0, 10),
      validUntil: validUntil ?? new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
    },
  );
}
