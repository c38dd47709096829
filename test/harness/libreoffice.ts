import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Opens an .xlsx in LibreOffice and saves it again as .xlsx (`soffice --headless --convert-to xlsx`), as a clerk
 * whose office suite is LibreOffice would. Each call has its own profile directory, so runs in parallel do not
 * wait for each other's lock.
 */
export async function resaveWithLibreOffice(data: ArrayBuffer | Uint8Array): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lo-'));
  try {
    const input = path.join(dir, 'in', 'workbook.xlsx');
    const out = path.join(dir, 'out');
    await run('mkdir', ['-p', path.dirname(input), out]);
    await writeFile(input, new Uint8Array(data));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        input,
      ],
      { timeout: 120_000 },
    );
    return await readFile(path.join(out, 'workbook.xlsx'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
