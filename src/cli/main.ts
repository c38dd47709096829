// First: it runs before the modules below are loaded.
import './serve-start-up.ts';
import { isAppError } from '../app/index.ts';
import { UsageError } from './cli-error.ts';
import { commandNames, loadCommand } from './commands/index.ts';

async function help(): Promise<string> {
  const commands = await Promise.all(commandNames.map(async (name) => [name, await loadCommand(name)!] as const));
  return `shinchoku — progress management of a municipal action plan (進捗管理)

Usage: shinchoku <command> [options]

Commands:
${commands.map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`).join('\n')}

Environment:
  DATABASE_URL   SQLite file (plain path or sqlite:PATH; default ./data/shinchoku.db) or postgres://… URL
  HOST, PORT     where \`serve\` listens (default 127.0.0.1:3000)

Run \`shinchoku <command> --help\` for a command's options.
Exit codes: 0 ok, 1 user error, 2 internal error.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await help()}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) throw new UsageError(`unknown command "${name}" (see shinchoku --help)`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exitCode = 1;
  } else if (isAppError(e)) {
    process.stderr.write(`error: ${e.messageEn}\n       ${e.messageJa}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  }
}
