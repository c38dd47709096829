import pino from 'pino';

/** Structured JSON logs on stdout; LOG_LEVEL controls verbosity (default info, "silent" in tests). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { app: 'shinchoku' },
});
export type Logger = typeof logger;
