import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Enlace';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export async function totpEnrolment(secret: string, label: string) {
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { otpauthUrl, qrDataUrl, secret };
}

/**
 * Checks a 6-digit code against the secret at `now`, allowing one step of clock drift either way,
 * and never a time step at or before `afterStep` (single use). Returns the step used, or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  // The combined result type only promises `delta`: the RFC 6238 step matched is now's step + delta.
  return result.valid ? Math.floor(epoch / 30) + result.delta : null;
}
