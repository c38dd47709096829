import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../cli-error.ts';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** node:util parseArgs with unknown options reported as a usage error. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function requireFiscalYearOption(value: string | undefined): number {
  if (value === undefined) throw new UsageError('--fy is required (e.g. --fy 2022)');
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) {
    throw new UsageError(`--fy must be a Western fiscal year such as 2022 (got "${value}")`);
  }
  return n;
}
