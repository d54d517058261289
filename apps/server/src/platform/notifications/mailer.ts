import { type Locale, resolveLocale } from '@enlace/shared';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import { t } from '../i18n';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

/** An SMTP sender for the configured server, or null when Enlace sends no e-mail. */
export function smtpSender(config: Config): SendMail | null {
  if (!config.mail) return null;
  const transport = nodemailer.createTransport(config.mail.smtpUrl);
  const from = config.mail.from;
  return async (mail) => {
    await transport.sendMail({ from, ...mail });
  };
}

/**
 * The one e-mail Enlace sends about notifications: that something waits, and where to sign in.
 * It never carries what waits (no subject of a thread, no name, no reference), in case the
 * mailbox is read by someone else or the mail crosses a server that keeps it.
 */
export function noticeMail(config: Config, to: string, locale: Locale | string, count: number): Mail {
  const lng = resolveLocale(locale);
  const link = `${config.publicUrl}/notifications`;
  return {
    to,
    subject: t(lng, 'notifications.email.subject'),
    text: `${t(lng, 'notifications.email.body', { count })}\n\n${link}\n\n${t(lng, 'notifications.email.footer')}\n`,
  };
}
