import { type AuthSettings, authSettingsFromEnv } from '../../app/index.ts';

export interface StaffOptions {
  auth: AuthSettings;
  /** Honour X-Forwarded-Proto / X-Forwarded-For from a reverse proxy (TRUST_PROXY=1). */
  trustProxy: boolean;
}

export function staffOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StaffOptions {
  return {
    auth: authSettingsFromEnv(env),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}
