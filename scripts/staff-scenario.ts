// Steps of a staff scenario on a running app, shared by the test harness and `npm run guide-shots` (which
// plays the same round for the guide's screenshots): staff accounts made through the real use case, a
// colleague's save in between, and a 課 workbook filled in as a clerk's Excel saves it.
import ExcelJS from 'exceljs';
import {
  type Actor,
  type AppContext,
  createUser,
  getReport,
  type ReportValuesInput,
  type Role,
  type StaffUser,
  saveReport,
  systemActor,
} from '../src/app/index.ts';

export interface StaffAccount {
  user: StaffUser;
  actor: Actor & { kind: 'user' };
  email: string;
  password: string;
}

export interface StaffAccountInput {
  organizationSlug: string;
  email: string;
  displayName: string;
  role: Role;
  password: string;
  departmentCode?: string;
  staffId?: string;
}

/** A staff account created through the real use case (by `by`, a system actor unless told), with its actor. */
export async function createStaffAccount(
  ctx: AppContext,
  input: StaffAccountInput,
  by: Actor = systemActor('scenario'),
): Promise<StaffAccount> {
  const { organizationSlug, password, ...fields } = input;
  const { user } = await createUser({ ctx, actor: by, organizationSlug, input: { ...fields, password } });
  const actor = {
    kind: 'user' as const,
    userId: user.id,
    organizationId: user.organizationId,
    displayName: user.displayName,
    role: user.role,
    departmentCode: user.departmentCode,
  };
  return { user, actor, email: input.email, password };
}

export interface InitiativeRef {
  organizationSlug: string;
  planSlug: string;
  fy: number;
  code: string;
}

/**
 * A colleague saves a draft of `at` in their own browser: they load the sheet as it is now and save it with
 * `changes`, so a form or workbook made before this is stale afterwards.
 */
export async function saveAsColleague(
  ctx: AppContext,
  colleague: Actor,
  at: InitiativeRef,
  changes: ReportValuesInput,
): Promise<void> {
  const view = await getReport({ ctx, actor: colleague, ...at });
  await saveReport({
    ctx,
    actor: colleague,
    ...at,
    expectedVersion: view.version,
    values: { ...view.values, ...changes },
    submit: false,
  });
}

/**
 * A downloaded 課 workbook with cells typed in: `rows` maps an initiative code (column A of the 取組 sheet) to
 * values by column heading (e.g. 「令和5年度 実績」). A code or heading the sheet lacks is an error, so a
 * changed workbook layout fails the scenario instead of uploading an unchanged file.
 */
export async function fillDepartmentWorkbook(
  file: ArrayBuffer,
  rows: Record<string, Record<string, string>>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file);
  const items = wb.getWorksheet('取組');
  if (!items) throw new Error('the workbook has no 取組 sheet');
  const headings = (items.getRow(1).values as unknown[]).slice(1).map(String);
  const rowOf = new Map<string, number>();
  items.eachRow((row, r) => {
    if (r > 1) rowOf.set(String(row.getCell(1).value), r);
  });
  for (const [code, cells] of Object.entries(rows)) {
    const r = rowOf.get(code);
    if (r === undefined) throw new Error(`no row for initiative ${code} in the 取組 sheet`);
    for (const [heading, value] of Object.entries(cells)) {
      const column = headings.indexOf(heading);
      if (column < 0) throw new Error(`no column 「${heading}」 in the 取組 sheet (has ${headings.join(', ')})`);
      items.getRow(r).getCell(column + 1).value = value;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
