import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createAppContext, ensureSeeded, publishEdition, systemActor, findPublicEdition, editionKey } from './src/app/index.ts';
import { storePublishedFiles, editionFile, fileBytes } from './src/reports/index.ts';
import { migrateToLatest, openDatabase, getEditionView } from './src/store/index.ts';
const dir = mkdtempSync(path.join(tmpdir(), 'views-probe-'));
const store = openDatabase(`sqlite:${path.join(dir, 'b.db')}`);
await migrateToLatest(store.db);
const ctx = createAppContext(store);
await ensureSeeded(ctx, () => [JSON.parse(readFileSync('data/ogori/bundle.json', 'utf8'))]);
const r = await publishEdition({ ctx, actor: systemActor('b'), organizationSlug: 'ogori', name: 'x', fy: 2022 });
await storePublishedFiles(ctx, { organizationId: r.organizationId, editionId: r.id });
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  const found = await findPublicEdition(ctx, { organizationSlug: 'ogori', planSlug: 'action-plan-2', editionId: r.id });
  const t1 = performance.now() - t; t = performance.now();
  const v = await getEditionView(store.db, r.organizationId, r.id, 'pdf/ja');
  const t2 = performance.now() - t; t = performance.now();
  const b = fileBytes(v!);
  const t3 = performance.now() - t;
  console.log(t1.toFixed(2), t2.toFixed(2), t3.toFixed(2), b.byteLength, v!.body.length);
}
