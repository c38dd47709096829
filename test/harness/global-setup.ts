import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres-server.ts';
import { buildSeededTemplates, type SeededTemplates } from './seeded-template.ts';

/**
 * Starts one throwaway PostgreSQL server for the whole run (initdb in a temp dir, free loopback port) and
 * hands its URL to every test file through `inject('postgresUrl')`; builds the Ogori-seeded databases once
 * (`inject('seededTemplates')`, see createTestDatabase's `seeded`). Stopped and removed when the run ends.
 */
export default async function setup(project: TestProject) {
  const server = await startThrowawayPostgres();
  project.provide('postgresUrl', server.url);
  const built = await buildSeededTemplates(server.url);
  project.provide('seededTemplates', built.templates);
  return async () => {
    await built.remove();
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    seededTemplates: SeededTemplates;
  }
}
