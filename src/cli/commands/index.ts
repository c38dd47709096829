import type { Command } from './command.ts';

/**
 * Each command is imported only when it runs: a CLI call loads the layers its own command needs (most need no
 * HTTP server, PDF or workbook code), which keeps start-up of scripts and of the test suite's child processes
 * short. `shinchoku --help` loads them all for their summaries.
 */
const loaders: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).serve,
  init: async () => (await import('./init.ts')).init,
  migrate: async () => (await import('./migrate.ts')).migrate,
  import: async () => (await import('./import.ts')).importCommand,
  export: async () => (await import('./export.ts')).exportCommand,
  'export-site': async () => (await import('./export-site.ts')).exportSiteCommand,
  backup: async () => (await import('./backup.ts')).backup,
  restore: async () => (await import('./backup.ts')).restore,
  summary: async () => (await import('./summary.ts')).summary,
  lint: async () => (await import('./lint.ts')).lint,
  publish: async () => (await import('./publish.ts')).publish,
  plan: async () => (await import('./plan.ts')).plan,
  report: async () => (await import('./report.ts')).report,
  user: async () => (await import('./user.ts')).user,
  remind: async () => (await import('./remind.ts')).remind,
};

export const commandNames = Object.keys(loaders);

/** The command of that name, or undefined when there is none. */
export function loadCommand(name: string): Promise<Command> | undefined {
  return Object.hasOwn(loaders, name) ? loaders[name]!() : undefined;
}
