import { countAllUsers, listOrganizations } from '../store/index.ts';
import { systemActor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { createUser } from './create-user.ts';

export interface FirstAdmin {
  organizationSlug: string;
  email: string;
  staffId: string;
  /** Set when the password was generated: print it once, it is stored only as a hash. */
  generatedPassword?: string;
}

/**
 * Creates the first administrator of the first organization loaded when the installation has no users yet, so
 * a fresh installation can be signed into. The password comes from `password` (SHINCHOKU_ADMIN_PASSWORD) or is
 * generated. Returns null when there was nothing to do.
 */
export async function ensureFirstAdmin(
  ctx: AppContext,
  options: { email?: string | undefined; password?: string | undefined } = {},
): Promise<FirstAdmin | null> {
  if ((await countAllUsers(ctx.store.db)) > 0) return null;
  // The organization loaded first (the bundled plan's), not the first by name: example cities come later.
  const orgs = await listOrganizations(ctx.store.db);
  const org = orgs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.slug.localeCompare(b.slug))[0];
  if (!org) return null;
  const email = options.email || 'admin@localhost';
  try {
    const result = await createUser({
      ctx,
      actor: systemActor('init'),
      organizationSlug: org.slug,
      input: {
        email,
        staffId: 'admin',
        displayName: '管理者',
        role: 'admin',
        ...(options.password ? { password: options.password } : {}),
      },
    });
    return {
      organizationSlug: org.slug,
      email: result.user.email,
      staffId: 'admin',
      ...(result.generatedPassword !== undefined && { generatedPassword: result.generatedPassword }),
    };
  } catch (e) {
    // Two processes starting on one fresh database: the other one created the admin first.
    if ((await countAllUsers(ctx.store.db)) > 0) return null;
    throw e;
  }
}
