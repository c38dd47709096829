import { type AuthSettings, authSettingsFromEnv, type Mailer, mailerFromEnv } from '../../app/index.ts';

export interface StaffOptions {
  auth: AuthSettings;
  /** Honour X-Forwarded-Proto / X-Forwarded-For from a reverse proxy (TRUST_PROXY=1). */
  trustProxy: boolean;
  /** Reminder e-mail (SMTP_URL); null = off, the default. */
  mailer: Mailer | null;
  /** The address staff reach this server at, for links in e-mail (SHINCHOKU_BASE_URL); else the request's. */
  baseUrl: string | null;
}

export function staffOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StaffOptions {
  return {
    auth: authSettingsFromEnv(env),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    mailer: mailerFromEnv(env),
    baseUrl: env.SHINCHOKU_BASE_URL?.replace(/\/+$/, '') || null,
  };
}
