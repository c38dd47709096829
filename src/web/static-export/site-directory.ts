import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../app/index.ts';

/** Written last into every export; its presence lets a later export replace the directory. */
export const MANIFEST = 'export-manifest.json';

/**
 * The export is written beside the target and then swapped in, so a web server serving the target never shows
 * a half-written site and files of removed pages do not linger. An existing directory is replaced only when it
 * is empty or an earlier export (has the manifest): never someone's other files.
 */
export class SiteDirectory {
  readonly target: string;
  readonly staging: string;
  #bytes = 0;
  #files = 0;

  private constructor(target: string) {
    this.target = target;
    this.staging = `${target}.export-${process.pid}-${Date.now()}`;
  }

  static async open(dir: string): Promise<SiteDirectory> {
    const target = path.resolve(dir);
    if (existsSync(target)) {
      if (!statSync(target).isDirectory()) {
        throw new AppError('invalid-input', {
          ja: `${target} はディレクトリではありません`,
          en: `${target} is not a directory`,
        });
      }
      const entries = await readdir(target);
      if (entries.length > 0 && !entries.includes(MANIFEST)) {
        throw new AppError('invalid-input', {
          ja: `${target} は空ではなく、以前の書き出し先でもありません。空のディレクトリか新しい名前を指定してください`,
          en: `${target} is not empty and holds no earlier export; choose an empty or new directory`,
        });
      }
    }
    const site = new SiteDirectory(target);
    await mkdir(site.staging, { recursive: true });
    return site;
  }

  get files(): number {
    return this.#files;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Writes one file of the site ("ogori/action-plan-2/index.html"). */
  async write(file: string, body: string | Uint8Array): Promise<void> {
    const full = path.join(this.staging, ...file.split('/'));
    if (!full.startsWith(this.staging + path.sep)) throw new Error(`refusing to write outside the site: ${file}`);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, body);
    this.#files += 1;
    this.#bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  }

  /** Puts the finished site in place of the target. */
  async commit(): Promise<void> {
    const old = `${this.target}.old-${process.pid}-${Date.now()}`;
    const had = existsSync(this.target);
    if (had) await rename(this.target, old);
    await rename(this.staging, this.target);
    if (had) await rm(old, { recursive: true, force: true });
  }

  /** Removes the half-written site after a failure. */
  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
