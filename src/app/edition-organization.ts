import type { EditionContent } from '../domain/index.ts';

/**
 * The organization as an edition carries it: names, and its time zone where it set one (an organization without
 * one keeps its editions' content, and their hashes, as they were).
 */
export function editionOrganization(o: {
  slug: string;
  name: string;
  nameEn?: string | null | undefined;
  timeZone?: string | null | undefined;
}): EditionContent['organization'] {
  return {
    slug: o.slug,
    name: o.name,
    ...(o.nameEn !== null && o.nameEn !== undefined && { nameEn: o.nameEn }),
    ...(o.timeZone && { timeZone: o.timeZone }),
  };
}
