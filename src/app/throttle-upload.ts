import { countRateEvents, insertRateEvent } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { AppError } from './errors.ts';

/**
 * Uploads a user may make in a window. Reading a workbook costs real CPU and memory (it is unpacked and every
 * cell checked), so one account cannot keep a process busy; a 課 fixing a rejected file a few times stays far
 * below it.
 */
export const UPLOAD_THROTTLE = { windowMinutes: 10, maxUploads: 20 };

export const uploadThrottled = (windowMinutes: number) =>
  new AppError('rate-limited', {
    ja: `アップロードが続いたため、しばらく受け付けません。${windowMinutes}分ほどおいてから、もう一度お試しください`,
    en: `Too many uploads. Please wait about ${windowMinutes} minutes and try again`,
  });

/**
 * Counts an upload by a signed-in user, or refuses it (rate-limited, 429) when the user already made
 * `maxUploads` in the window. Counted in the database, like failed logins, so all processes share the count.
 * The CLI (system actor) is not throttled.
 */
export async function throttleUpload(props: {
  ctx: AppContext;
  actor: Actor;
  limits?: typeof UPLOAD_THROTTLE;
}): Promise<void> {
  const { ctx, actor, limits = UPLOAD_THROTTLE } = props;
  if (actor.kind !== 'user') return;
  const now = ctx.now();
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000).toISOString();
  const key = { type: 'upload' as const, key: actor.userId };
  if ((await countRateEvents(ctx.store.db, key, since)) >= limits.maxUploads) {
    throw uploadThrottled(limits.windowMinutes);
  }
  await insertRateEvent(ctx.store.db, { ...key, at: now.toISOString() });
}
