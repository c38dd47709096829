import { type Department, formatFiscalYear, type PlanDocument } from '../domain/index.ts';
import type { OrganizationRecord, PlanRecord, RoundRecord } from '../store/index.ts';
import type { Actor } from './actor.ts';
import { scopeOf } from './authorize.ts';
import type { CellRef, DepartmentUpload, UploadIssue } from './department-upload.ts';
import { uploadIssue } from './department-upload.ts';
import { REPORT_LIMITS } from './report-form.ts';

/**
 * The visible cells of the workbook's first sheet (記入方法) that say what it is for, as the writer lays them out:
 * the plan and organization, the 課, the year. The values checked come from a hidden sheet, but a message names
 * the cell a clerk can see.
 */
export const META_AT = {
  organization: { sheet: '記入方法', cell: 'A2' },
  plan: { sheet: '記入方法', cell: 'A2' },
  department: { sheet: '記入方法', cell: 'A3' },
  fy: { sheet: '記入方法', cell: 'A4' },
} satisfies Record<string, CellRef>;

export interface UploadTarget {
  organization: OrganizationRecord;
  plan: PlanRecord;
  document: PlanDocument;
  round: RoundRecord;
  departments: Department[];
}

const nameOf = (departments: Department[], code: string) => departments.find((d) => d.code === code)?.name ?? code;
/** The 課's English name where the plan gives one (English staff pages name 課 in English), else its name. */
const nameEnOf = (departments: Department[], code: string) => {
  const d = departments.find((x) => x.code === code);
  return d?.nameEn || d?.name || code;
};

/**
 * Whether a workbook was made for the round it is uploaded to: the channel (the round page, the CLI's --fy)
 * names organization, plan and year; the workbook's own cells never choose them. Returns the problems found,
 * each naming what the file is for, so the 課 knows which file to fetch instead.
 */
export function wrongTarget(
  actor: Actor,
  target: UploadTarget,
  upload: DepartmentUpload,
): { issues: UploadIssue[]; otherDepartment: boolean } {
  const fy = target.round.fy;
  const issues: UploadIssue[] = [];
  let otherDepartment = false;
  if (upload.organization !== target.organization.slug) {
    issues.push(
      uploadIssue(
        META_AT.organization,
        `このファイルは別の団体（${upload.organization}）の照会用です`,
        `This file is for another organization (${upload.organization})`,
      ),
    );
    return { issues, otherDepartment };
  }
  if (upload.plan !== target.plan.slug) {
    issues.push(
      uploadIssue(
        META_AT.plan,
        `このファイルは計画「${upload.plan}」の照会用です（アップロード先は「${target.document.title}」です）`,
        `This file is for plan "${upload.plan}" (this is "${target.document.title}")`,
      ),
    );
  }
  if (upload.fy !== fy) {
    issues.push(
      uploadIssue(
        META_AT.fy,
        `このファイルは${formatFiscalYear(upload.fy)}の照会用です（この照会は${formatFiscalYear(fy)}です）。${formatFiscalYear(fy)}の照会の画面からダウンロードし直してください`,
        `This file is for FY${upload.fy} (this round is FY${fy}); download the file of the FY${fy} round`,
      ),
    );
  }
  if (!target.departments.some((d) => d.code === upload.department)) {
    issues.push(
      uploadIssue(
        META_AT.department,
        `このファイルの担当課「${upload.department}」はありません`,
        `No division "${upload.department}"`,
      ),
    );
  } else if (actor.kind === 'user' && scopeOf(actor.role, 'report.edit') === 'department') {
    if (actor.departmentCode !== upload.department) {
      otherDepartment = true;
      const theirs = nameOf(target.departments, upload.department);
      issues.push(
        uploadIssue(
          META_AT.department,
          `このファイルは${theirs}の照会用です（あなたの担当は${nameOf(target.departments, actor.departmentCode ?? '')}です）`,
          `This file is for the ${nameEnOf(target.departments, upload.department)} (you enter for the ${nameEnOf(target.departments, actor.departmentCode ?? '')})`,
        ),
      );
    }
  }
  return { issues, otherDepartment };
}

/** The column a cell is in, as its header cell ("H5" → "H1"). */
const headerCell = (at: CellRef): CellRef => ({ sheet: at.sheet, cell: `${at.cell.replace(/\d+$/, '')}1` });

/**
 * What the entry form would accept of the workbook's rows: the round year's 実績 and later years' 計画 up to the
 * plan's last year, lines and fields no longer than the form allows. A column for any other year (an added
 * 「令和4年度 実績」 on the R5 round) is refused once, at its header, never written.
 */
export function outOfRound(target: UploadTarget, upload: DepartmentUpload): UploadIssue[] {
  const fy = target.round.fy;
  const endFy = target.document.period.endFy;
  const issues: UploadIssue[] = [];
  const refusedColumns = new Set<string>();
  const label = (y: number, kind: 'actual' | 'plan') => `${formatFiscalYear(y)} ${kind === 'actual' ? '実績' : '計画'}`;
  for (const row of upload.rows) {
    for (const r of row.roadmap) {
      const allowed = r.kind === 'actual' ? r.fy === fy : r.fy > fy && r.fy <= endFy;
      if (!allowed) {
        const header = headerCell(r.at);
        if (refusedColumns.has(header.cell)) continue;
        refusedColumns.add(header.cell);
        issues.push(
          uploadIssue(
            header,
            `列「${label(r.fy, r.kind)}」は${formatFiscalYear(fy)}の照会では入力できません（入力できるのは${formatFiscalYear(fy)}の実績と翌年度以降の計画です）`,
            `Column "${label(r.fy, r.kind)}" cannot be entered in the FY${fy} round (only FY${fy} results and later plans)`,
          ),
        );
        continue;
      }
      if (r.items.some((item) => item.length > REPORT_LIMITS.line)) {
        issues.push(
          uploadIssue(
            r.at,
            `1行は${REPORT_LIMITS.line}文字以内にしてください`,
            `Keep each line within ${REPORT_LIMITS.line} characters`,
          ),
        );
      } else if (r.items.join('\n').length > REPORT_LIMITS.field) {
        issues.push(
          uploadIssue(
            r.at,
            `${REPORT_LIMITS.field}文字以内にしてください`,
            `Use at most ${REPORT_LIMITS.field} characters`,
          ),
        );
      }
    }
    if ((row.comment.value ?? '').length > REPORT_LIMITS.field) {
      issues.push(
        uploadIssue(
          row.comment.at,
          `コメントは${REPORT_LIMITS.field}文字以内にしてください`,
          `Use at most ${REPORT_LIMITS.field} characters`,
        ),
      );
    }
  }
  for (const ind of upload.indicators) {
    if ((ind.note.value ?? '').length > REPORT_LIMITS.indicatorNote) {
      issues.push(
        uploadIssue(
          ind.note.at,
          `注記は${REPORT_LIMITS.indicatorNote}文字以内にしてください`,
          `Use at most ${REPORT_LIMITS.indicatorNote} characters in the note`,
        ),
      );
    }
  }
  return issues;
}
