/** Session and login-throttling limits; the web layer may override them from the environment. */
export interface AuthSettings {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after login, however active. */
  absoluteHours: number;
  /** Failed logins counted within this window. */
  throttleWindowMinutes: number;
  /** Failures for one account (e-mail or staff ID) before its logins are refused for the window. */
  maxAccountFailures: number;
  /** Failures from one address before its logins are refused for the window. */
  maxIpFailures: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  idleMinutes: 60,
  absoluteHours: 12,
  throttleWindowMinutes: 15,
  maxAccountFailures: 5,
  maxIpFailures: 50,
};

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}

/** SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS, LOGIN_MAX_ACCOUNT_FAILURES, LOGIN_MAX_IP_FAILURES. */
export function authSettingsFromEnv(env: NodeJS.ProcessEnv): AuthSettings {
  const d = DEFAULT_AUTH_SETTINGS;
  return {
    idleMinutes: positive(env.SESSION_IDLE_MINUTES, d.idleMinutes),
    absoluteHours: positive(env.SESSION_ABSOLUTE_HOURS, d.absoluteHours),
    throttleWindowMinutes: positive(env.LOGIN_THROTTLE_WINDOW_MINUTES, d.throttleWindowMinutes),
    maxAccountFailures: positive(env.LOGIN_MAX_ACCOUNT_FAILURES, d.maxAccountFailures),
    maxIpFailures: positive(env.LOGIN_MAX_IP_FAILURES, d.maxIpFailures),
  };
}
