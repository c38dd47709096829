export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where e-mail goes; the app never talks SMTP itself, so tests can point it at a local sink. */
export interface Mailer {
  from: string;
  send(message: MailMessage): Promise<void>;
}

/**
 * An SMTP mailer for SMTP_URL (e.g. smtp://user:pass@mail.example.lg.jp:587, smtps://… for implicit TLS), or
 * null when SMTP_URL is not set: e-mail is off by default.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  return createSmtpMailer(url, env.SMTP_FROM?.trim() || 'shinchoku@localhost');
}

export function createSmtpMailer(url: string, from: string): Mailer {
  // nodemailer is loaded on the first message, so installations without e-mail never load it.
  let transport: Promise<{ sendMail(m: object): Promise<unknown> }> | undefined;
  return {
    from,
    async send(message) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(url));
      await (await transport).sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
