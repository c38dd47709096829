import { z } from 'zod';
import { getUserById, insertAuditEvent, transaction, updateUserLanguage } from '../store/index.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { invalidInput, notFound } from './errors.ts';
import type { StaffSession } from './staff-session.ts';

/** The languages the staff pages are written in. */
export const StaffLanguageSchema = z.enum(['ja', 'en']);
export type StaffLanguage = z.infer<typeof StaffLanguageSchema>;

/** A stored value as a language, or undefined (never chosen, or a value this release does not know). */
export function staffLanguageOf(value: string | null): StaffLanguage | undefined {
  const parsed = StaffLanguageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A signed-in user chooses the language of their staff pages; it is used on every page without ?lang=, from
 * any browser they sign in on.
 */
export async function setOwnLanguage(props: {
  ctx: AppContext;
  session: StaffSession;
  language: string;
}): Promise<StaffLanguage> {
  const { actor } = props.session;
  authorize(actor, 'account.settings', { organizationId: actor.organizationId });
  const parsed = StaffLanguageSchema.safeParse(props.language);
  if (!parsed.success) {
    throw invalidInput({
      language: {
        ja: '表示言語は日本語か英語から選んでください',
        en: 'Choose Japanese or English as the display language',
      },
    });
  }
  await transaction(props.ctx.store, async (tx) => {
    const user = await getUserById(tx, actor.organizationId, actor.userId);
    if (!user) throw notFound({ ja: '利用者', en: 'User' });
    const now = props.ctx.now().toISOString();
    await updateUserLanguage(tx, actor.organizationId, { id: user.id, language: parsed.data, now });
    await insertAuditEvent(tx, {
      organizationId: actor.organizationId,
      at: now,
      actor: actor.userId,
      action: 'user.language',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.email}: ${parsed.data}`,
      before: { language: user.language },
      after: { language: parsed.data },
    });
  });
  return parsed.data;
}
