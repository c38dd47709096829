import type { Child } from 'hono/jsx';
import { type EditionContent, isGoalNode, leafNodes, type PlanDocument, statedStatus } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { STATUSES } from '../portal-query.ts';
import { levelName, scaleParams } from './format.ts';

export interface FilterValues {
  goal?: string | undefined;
  dept?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
  sdg?: number | undefined;
  status?: string | undefined;
}

function Select(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  allLabel: string;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A GET form for the 一覧 and search: works without JavaScript, keeps ?edition= and ?lang= in hidden fields and
 * shows the current values so the reader sees what is applied.
 */
export function FilterForm(props: {
  pc: PortalContext;
  content: EditionContent;
  action: string;
  values: FilterValues;
  withSdg?: boolean;
  before?: Child;
  resetHref: string;
  submitLabel: string;
}) {
  const { pc, content, values } = props;
  const t = pc.t;
  const plan = content.plan;
  const used = new Set(leafNodes(plan).flatMap((n) => n.departments));
  const sdgs = [...new Set(leafNodes(plan).flatMap((n) => n.sdgs))].sort((a, b) => a - b);
  const allSdgs = sdgs.length > 0 ? sdgs : Array.from({ length: 17 }, (_, i) => i + 1);
  // A plan that states no status offers no status filter (every item would be 実施中 by default only).
  const statuses = leafNodes(plan).some((n) => statedStatus(n.lifecycle)) || values.status !== undefined;
  return (
    <form class="filters" method="get" action={props.action}>
      {props.before}
      <Select
        id="f-goal"
        name="goal"
        label={t('filter.goal', { level: levelName(pc, plan, 1) })}
        value={values.goal}
        allLabel={t('filter.all')}
        options={plan.nodes
          .filter((n) => isGoalNode(n))
          .map((n) => ({ value: n.code, label: `${n.code} ${pc.text(n.title, n.titleEn).value}` }))}
      />
      <Select
        id="f-dept"
        name="dept"
        label={t('filter.department')}
        value={values.dept}
        allLabel={t('filter.all')}
        options={content.departments
          .filter((d) => used.has(d.code))
          .map((d) => ({ value: d.code, label: pc.text(d.name, d.nameEn).value }))}
      />
      {statuses && (
        <Select
          id="f-status"
          name="status"
          label={t('filter.status')}
          value={values.status}
          allLabel={t('filter.all')}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      )}
      <ScoreBound pc={pc} plan={plan} bound="min" value={values.min} />
      <ScoreBound pc={pc} plan={plan} bound="max" value={values.max} />
      {props.withSdg && (
        <Select
          id="f-sdg"
          name="sdg"
          label={t('filter.sdg')}
          value={values.sdg === undefined ? undefined : String(values.sdg)}
          allLabel={t('filter.all')}
          options={allSdgs.map((n) => ({ value: String(n), label: t('initiative.sdgGoal', { n }) }))}
        />
      )}
      {pc.editionParam && <input type="hidden" name="edition" value={pc.editionParam} />}
      {pc.lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <div class="filters__actions">
        <button type="submit">{props.submitLabel}</button>
        <a href={props.resetHref}>{t('list.reset')}</a>
      </div>
    </form>
  );
}

/**
 * Lower or upper bound of the rating filter in the plan's own terms: a number with the scale's unit on percentage
 * and numeric scales (「目標達成率の下限（%）」), a choice of levels on others (「達成度の下限」: A … D), whose
 * values are the levels' scores. Excluded levels have no score and are not offered.
 */
function ScoreBound(props: { pc: PortalContext; plan: PlanDocument; bound: 'min' | 'max'; value: number | undefined }) {
  const { pc, plan, bound, value } = props;
  const t = pc.t;
  const scale = plan.ratingScales[0]!;
  const id = `f-${bound}`;
  const key = bound === 'min' ? 'filter.min' : 'filter.max';
  if (scale.kind === 'percentage' || scale.kind === 'numeric') {
    const unit = scale.unit ?? (scale.kind === 'percentage' ? '%' : '');
    const label = t(key, {
      ...scaleParams(pc, plan),
      unit: unit ? (pc.lang === 'ja' ? `（${unit}）` : ` (${unit})`) : '',
    });
    return (
      <div>
        <label for={id}>{label}</label>
        <input
          id={id}
          name={bound}
          type="number"
          min={String(scale.min ?? 0)}
          max={String(scale.max ?? 100)}
          step="any"
          inputmode="decimal"
          value={value ?? ''}
        />
      </div>
    );
  }
  const levels = [...scale.levels].reverse().filter((l) => !l.excluded && l.score !== null);
  return (
    <Select
      id={id}
      name={bound}
      label={t(key, { ...scaleParams(pc, plan), unit: '' })}
      value={value === undefined ? undefined : String(value)}
      allLabel={t('filter.all')}
      options={levels.map((l) => ({
        value: String(l.score),
        label: pc.lang === 'en' ? (l.labelEn ?? l.label) : l.label,
      }))}
    />
  );
}
