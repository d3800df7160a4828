import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail; throws when the transport refuses it (the outbox then retries later). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * SMTP when `SMTP_URL` is set (smtp://user:pass@host:587, smtps://…); otherwise the message is written to
 * the log (nodemailer's JSON transport), so that the application needs no mail server to run.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string }, logger: Logger): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
    };
  }
  const transport = nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      logger.info({ courriel: JSON.parse(String(info.message)) as unknown }, 'courriel (journal : SMTP_URL non défini)');
    },
  };
}
