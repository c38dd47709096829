import { type AppContext, listOrganizations } from '../app/index.ts';
import { UsageError } from './cli-error.ts';

/** The --org value, or the only organization when the database holds exactly one. */
export async function resolveOrganization(ctx: AppContext, given: string | undefined): Promise<string> {
  if (given) return given;
  const orgs = await listOrganizations(ctx);
  if (orgs.length === 1) return orgs[0]!.slug;
  if (orgs.length === 0) throw new UsageError('the database holds no organization yet (run `shinchoku init`)');
  throw new UsageError(`several organizations exist; choose one with --org (${orgs.map((o) => o.slug).join(', ')})`);
}
