import { type AuthSettings, authSettingsFromEnv, type Mailer, mailerFromEnv } from '../../app/index.ts';

export interface StaffOptions {
  auth: AuthSettings;
  /**
   * Reverse proxies in front of the app to trust (TRUST_PROXY=N; 0 = none): X-Forwarded-Proto is honoured and
   * the client address is the X-Forwarded-For entry the outermost trusted proxy added (the N-th from the right).
   */
  trustProxy: number;
  /** Reminder e-mail (SMTP_URL); null = off, the default. */
  mailer: Mailer | null;
  /** The address staff reach this server at, for links in e-mail (SHINCHOKU_BASE_URL); else the request's. */
  baseUrl: string | null;
}

export function staffOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StaffOptions {
  return {
    auth: authSettingsFromEnv(env),
    trustProxy: trustedProxies(env.TRUST_PROXY),
    mailer: mailerFromEnv(env),
    baseUrl: env.SHINCHOKU_BASE_URL?.replace(/\/+$/, '') || null,
  };
}

/** TRUST_PROXY: a number of proxies; "true" (as earlier versions documented "1") means one. */
function trustedProxies(value: string | undefined): number {
  const v = value?.trim().toLowerCase() ?? '';
  if (v === '' || v === '0' || v === 'false') return 0;
  if (v === 'true') return 1;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(`TRUST_PROXY must be the number of trusted proxies (0–10), not "${value}"`);
  }
  return n;
}
