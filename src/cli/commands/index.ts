import { backup, restore } from './backup.ts';
import type { Command } from './command.ts';
import { exportCommand } from './export.ts';
import { exportSiteCommand } from './export-site.ts';
import { importCommand } from './import.ts';
import { init } from './init.ts';
import { lint } from './lint.ts';
import { migrate } from './migrate.ts';
import { plan } from './plan.ts';
import { publish } from './publish.ts';
import { remind } from './remind.ts';
import { report } from './report.ts';
import { serve } from './serve.ts';
import { summary } from './summary.ts';
import { user } from './user.ts';

export const commands: Record<string, Command> = {
  serve,
  init,
  migrate,
  import: importCommand,
  export: exportCommand,
  'export-site': exportSiteCommand,
  backup,
  restore,
  summary,
  lint,
  publish,
  plan,
  report,
  user,
  remind,
};
