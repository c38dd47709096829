import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres-server.ts';

/**
 * Starts one throwaway PostgreSQL server for the whole run (initdb in a temp dir, free loopback port) and
 * hands its URL to every test file through `inject('postgresUrl')`. Stopped when the run ends.
 */
export default async function setup(project: TestProject) {
  const server = await startThrowawayPostgres();
  project.provide('postgresUrl', server.url);
  return async () => {
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
