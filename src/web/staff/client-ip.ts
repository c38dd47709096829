import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address login throttling counts by. Behind `trustProxy` trusted proxies it is the X-Forwarded-For entry
 * the outermost of them added: each proxy appends the address it was reached from, so entries left of that
 * are whatever the client sent and prove nothing. Otherwise the socket's address (never a header a client
 * could forge).
 * @example with trustProxy 1, "X-Forwarded-For: 6.6.6.6, 203.0.113.7" is 203.0.113.7 (6.6.6.6 was forged)
 */
export function clientIp(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const forwarded = hops[Math.max(0, hops.length - trustProxy)];
    if (forwarded) return forwarded.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (app.request in tests) have no socket.
    return 'local';
  }
}
