import type { Migration } from 'kysely';
import * as initial from './2026-11-24-initial.ts';
import * as staffWorkspace from './2026-11-24-staff-workspace.ts';
import * as editionViews from './2026-12-06-edition-views.ts';
import * as editionViewsBytes from './2026-12-06-edition-views-bytes.ts';
import * as withdrawalAndDuties from './2026-12-06-withdrawal-and-duties.ts';
import * as emailPerOrganization from './2026-12-07-email-per-organization.ts';
import * as unsavedForms from './2026-12-07-unsaved-forms.ts';
import * as serverSecrets from './2026-12-08-server-secrets.ts';
import * as sharedInitiativeParts from './2026-12-08-shared-initiative-parts.ts';
import * as userLanguage from './2026-12-09-user-language.ts';
import * as uploadConflicts from './2026-12-10-upload-conflicts.ts';
import * as organizationTimeZone from './2026-12-11-organization-time-zone.ts';

/** Every migration in order. Names sort by date; the migrator refuses a database whose history differs. */
export const migrations: Record<string, Migration> = {
  '2026-11-24-initial': initial,
  '2026-11-24-staff-workspace': staffWorkspace,
  '2026-12-06-edition-views': editionViews,
  '2026-12-06-edition-views-bytes': editionViewsBytes,
  '2026-12-06-withdrawal-and-duties': withdrawalAndDuties,
  '2026-12-07-email-per-organization': emailPerOrganization,
  '2026-12-07-unsaved-forms': unsavedForms,
  '2026-12-08-server-secrets': serverSecrets,
  '2026-12-08-shared-initiative-parts': sharedInitiativeParts,
  '2026-12-09-user-language': userLanguage,
  '2026-12-10-upload-conflicts': uploadConflicts,
  '2026-12-11-organization-time-zone': organizationTimeZone,
};
