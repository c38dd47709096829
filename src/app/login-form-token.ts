import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getOrInsertServerSecret } from '../store/index.ts';
import type { AppContext } from './app-context.ts';

// As long as the form's cookie lives: a token someone obtained and planted stops working within the hour.
export const LOGIN_FORM_TOKEN_SECONDS = 3600;

// One key per database, read once per application context (a restore brings its own key with it).
const keys = new WeakMap<AppContext, Promise<Buffer>>();
function signingKey(ctx: AppContext): Promise<Buffer> {
  let key = keys.get(ctx);
  if (!key) {
    key = getOrInsertServerSecret(
      ctx.store.db,
      'login-form',
      randomBytes(32).toString('base64url'),
      ctx.now().toISOString(),
    ).then((v) => Buffer.from(v, 'base64url'));
    // A failed read (database away) is not remembered: the next request tries again.
    key.catch(() => keys.delete(ctx));
    keys.set(ctx, key);
  }
  return key;
}

const mac = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(`login-form:${payload}`).digest('base64url');

/**
 * The login form's token (kept in a cookie and sent in the form): issue time, a random part and the server's
 * HMAC of both. Unlike a bare random value, nobody who can write a cookie for the site can make one up.
 */
export async function issueLoginFormToken(ctx: AppContext): Promise<string> {
  const payload = `${Math.floor(ctx.now().getTime() / 1000)}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${mac(await signingKey(ctx), payload)}`;
}

/** Seconds since the token was issued, or undefined when the server did not sign it or it has expired. */
export async function loginFormTokenAge(ctx: AppContext, token: string | undefined): Promise<number | undefined> {
  const m = token && token.length <= 120 ? /^(\d{1,12})\.([\w-]{22})\.([\w-]{43})$/.exec(token) : null;
  if (!m) return undefined;
  const expected = Buffer.from(mac(await signingKey(ctx), `${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]!);
  if (!timingSafeEqual(expected, given)) return undefined;
  const age = Math.floor(ctx.now().getTime() / 1000) - Number(m[1]);
  // A few minutes' grace for another process whose clock runs a little ahead.
  return age > -300 && age < LOGIN_FORM_TOKEN_SECONDS ? Math.max(age, 0) : undefined;
}
