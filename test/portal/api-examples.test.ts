import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectApiExamples, EXAMPLE_NOW } from '../../scripts/collect-api-examples.ts';
import { startTestServer, type TestServer } from '../harness/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ database: 'sqlite', now: () => EXAMPLE_NOW });
});
afterAll(async () => {
  await server?.close();
});

const stored = () => JSON.parse(readFileSync(new URL('../../src/web/api/api-examples.json', import.meta.url), 'utf8'));

describe('API examples in the OpenAPI document', () => {
  it('are what the API returns today (regenerate: npm run api-examples)', async () => {
    expect(await collectApiExamples(server.get)).toEqual(stored());
  });

  it('are the ones the document serves', async () => {
    const doc = (await (await server.get('/api/v1/openapi.json')).json()) as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: { 'application/json': { example: unknown } } }> } }
      >;
    };
    const example = (path: string, status: string) =>
      doc.paths[path]!.get.responses[status]!.content['application/json'].example;
    expect(example('/api/v1/organizations/{org}/plans/{plan}/initiatives/{code}', '200')).toEqual(stored().initiative);
    expect(example('/api/v1/organizations/{org}/plans/{plan}', '404')).toEqual(stored().notFound);
  });
});
