import {
  createUser,
  listStaffUsers,
  RoleSchema,
  resetUserPassword,
  type StaffUser,
  setUserDisabled,
  systemActor,
} from '../../app/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

const USAGE = `Usage:
  shinchoku user add --email ADDRESS --name NAME --role ROLE [--department CODE] [--staff-id ID]
                     [--org SLUG] [--password-env VAR]
  shinchoku user list [--org SLUG]
  shinchoku user disable ADDRESS [--org SLUG]
  shinchoku user enable ADDRESS [--org SLUG]
  shinchoku user reset-password ADDRESS [--org SLUG] [--password-env VAR]

ROLE is one of: ${RoleSchema.options.join(', ')}. department-approver and department-editor need --department
(a 課 code such as keiei-senryaku). Without --password-env the password is generated, printed once, and must be
changed at the first login. --password-env names an environment variable holding the password, so it never
appears in the shell history or the process list.`;

function passwordFrom(varName: string | undefined): string | undefined {
  if (varName === undefined) return undefined;
  const value = process.env[varName];
  if (!value) throw new UsageError(`environment variable ${varName} is empty or not set`);
  return value;
}

function printPassword(email: string, password: string | undefined) {
  if (password === undefined) return;
  process.stdout.write(
    `password for ${email}: ${password}\n(shown only this once; it must be changed at first login)\n`,
  );
}

function row(u: StaffUser): string {
  const flags = [u.disabled ? 'disabled' : '', u.mustChangePassword ? 'must-change-password' : '']
    .filter(Boolean)
    .join(',');
  return [u.email, u.staffId ?? '-', u.role, u.departmentCode ?? '-', u.displayName, flags || '-'].join('\t');
}

export const user: Command = {
  summary: 'manage staff accounts (add, list, disable, enable, reset-password)',
  usage: USAGE,
  async run(args) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseOptions(rest, {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      department: { type: 'string' },
      'staff-id': { type: 'string' },
      org: { type: 'string' },
      'password-env': { type: 'string' },
    });
    if (!sub || !['add', 'list', 'disable', 'enable', 'reset-password'].includes(sub)) {
      throw new UsageError(`user needs a subcommand: add, list, disable, enable or reset-password`);
    }
    const target = positionals[0];
    if (['disable', 'enable', 'reset-password'].includes(sub) && (!target || positionals.length !== 1)) {
      throw new UsageError(`user ${sub} takes exactly one e-mail address`);
    }
    const ctx = await openContext();
    try {
      const organizationSlug = await resolveOrganization(ctx, values.org);
      const actor = systemActor('cli');
      if (sub === 'add') {
        if (!values.email || !values.name || !values.role) {
          throw new UsageError('user add needs --email, --name and --role');
        }
        const role = RoleSchema.safeParse(values.role);
        if (!role.success) throw new UsageError(`--role must be one of ${RoleSchema.options.join(', ')}`);
        const result = await createUser({
          ctx,
          actor,
          organizationSlug,
          input: {
            email: values.email,
            displayName: values.name,
            role: role.data,
            ...(values.department !== undefined && { departmentCode: values.department }),
            ...(values['staff-id'] !== undefined && { staffId: values['staff-id'] }),
            ...(values['password-env'] !== undefined && { password: passwordFrom(values['password-env']) }),
          },
        });
        process.stdout.write(`added ${row(result.user)}\n`);
        printPassword(result.user.email, result.generatedPassword);
      } else if (sub === 'list') {
        const users = await listStaffUsers({ ctx, actor, organizationSlug });
        process.stdout.write('email\tstaff-id\trole\tdepartment\tname\tflags\n');
        for (const u of users) process.stdout.write(`${row(u)}\n`);
      } else if (sub === 'disable' || sub === 'enable') {
        const u = await setUserDisabled({ ctx, actor, organizationSlug, user: target!, disabled: sub === 'disable' });
        process.stdout.write(`${sub}d ${u.email}\n`);
      } else {
        const result = await resetUserPassword({
          ctx,
          actor,
          organizationSlug,
          user: target!,
          password: passwordFrom(values['password-env']),
        });
        process.stdout.write(`reset the password of ${result.user.email}; all its sessions were ended\n`);
        printPassword(result.user.email, result.generatedPassword);
      }
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
