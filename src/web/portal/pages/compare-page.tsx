import type { PublicComparison } from '../../../app/index.ts';
import {
  type EditionContent,
  fieldLabel,
  findLevel,
  type IndicatorChange,
  type InitiativeDiff,
  leafNodes,
  type RatingChange,
  sheetFieldsOf,
  type TextChange,
  valueText,
} from '../../../domain/index.ts';
import { fyText, indicatorValueText, paren } from '../components/format.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, planChrome, planCrumbs } from '../plan-page-props.tsx';
import type { PortalContext } from '../portal-context.ts';

const nodeOf = (content: EditionContent, code: string) => leafNodes(content.plan).find((n) => n.code === code);

/** A rating as the plan names it (its level's label in the page's language); no rating reads 未評価. */
function ratingText(pc: PortalContext, content: EditionContent, r: RatingChange, key: string | null): string {
  if (key === null) return pc.t('compare.notRated');
  const scale = content.plan.ratingScales.find((s) => s.key === (r.scale ?? content.plan.ratingScales[0]!.key));
  const level = scale && findLevel(scale, key);
  return level ? pc.text(level.label, level.labelEn).value : key;
}

function indicatorText(pc: PortalContext, content: EditionContent, code: string, c: IndicatorChange) {
  const ind = nodeOf(content, code)?.indicators.find((i) => i.key === c.key);
  const value = (v: number | boolean | null) =>
    typeof v === 'boolean'
      ? pc.t(v ? 'compare.provisional' : 'compare.final')
      : ind
        ? indicatorValueText(pc, ind, v)
        : v === null
          ? '—'
          : String(v);
  return { name: ind ? pc.text(ind.name, ind.nameEn).value : c.name, from: value(c.from), to: value(c.to) };
}

const textLabel = (pc: PortalContext, c: TextChange) =>
  pc.t(`compare.text.${c.field}`, c.fy === undefined ? {} : { fy: fyText(pc, c.fy) });

/** Fields kept by key (a plan's own sheet fields, newer built-in ones) whose values changed, as entered. */
function FieldChanges(props: PlanPageProps & { d: InitiativeDiff; content: EditionContent }) {
  const { pc, d } = props;
  const t = pc.t;
  const fields = sheetFieldsOf(props.content.plan);
  return (
    <TableScroll label={`${d.code} ${t('compare.fields')}`}>
      <table>
        <caption>{`${d.code} ${t('compare.fields')}`}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.field')}</th>
            <th scope="col">{t('compare.before')}</th>
            <th scope="col">{t('compare.after')}</th>
          </tr>
        </thead>
        <tbody>
          {d.fieldChanges.map((c) => {
            const f = fields.find((x) => x.key === c.key);
            const shown = (v: typeof c.from) =>
              v === null ? '—' : f ? valueText(f.shape, v, pc.lang) : JSON.stringify(v);
            return (
              <tr>
                <th scope="row">{f ? fieldLabel(f, pc.lang) : c.key}</th>
                <td class="lines">{shown(c.from)}</td>
                <td class="lines">{shown(c.to)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One initiative's changes: title and status, then ratings, KPI values and text items, each in its own table. */
function InitiativeChanges(props: PlanPageProps & { cmp: PublicComparison; d: InitiativeDiff }) {
  const { pc, base, cmp, d } = props;
  const t = pc.t;
  // Names, units and levels as the newer edition has them (the older one for an initiative that left the plan).
  const content = d.status === 'removed' ? cmp.older : cmp.newer;
  const node = nodeOf(content, d.code);
  const id = `c-${d.code}`;
  const edition = d.status === 'removed' ? cmp.from : cmp.to;
  const scales = content.plan.ratingScales.length > 1;
  const texts = [
    ...d.textAdded.map((c) => ({ c, kind: t('compare.itemAdded') })),
    ...d.textRemoved.map((c) => ({ c, kind: t('compare.itemRemoved') })),
  ];
  return (
    <section aria-labelledby={id} class="compare-item">
      <h2 id={id}>{`${d.code} ${node ? pc.text(node.title, node.titleEn).value : d.title}`}</h2>
      {d.status !== 'changed' && <p>{t(d.status === 'added' ? 'compare.added' : 'compare.removed')}</p>}
      {d.titleChange && <p>{t('compare.titleChange', d.titleChange)}</p>}
      {d.lifecycleChange && (
        <p>
          {t('compare.statusChange', {
            from: t(`status.${d.lifecycleChange.from}` as 'status.active'),
            to: t(`status.${d.lifecycleChange.to}` as 'status.active'),
          })}
        </p>
      )}
      {d.ratings.length > 0 && (
        <TableScroll label={`${d.code} ${t('compare.ratings')}`}>
          <table>
            <caption>{`${d.code} ${t('compare.ratings')}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.fy')}</th>
                {scales && <th scope="col">{t('compare.scale')}</th>}
                <th scope="col">{t('compare.before')}</th>
                <th scope="col">{t('compare.after')}</th>
              </tr>
            </thead>
            <tbody>
              {d.ratings.map((r) => {
                const scale = content.plan.ratingScales.find((s) => s.key === r.scale) ?? content.plan.ratingScales[0]!;
                return (
                  <tr>
                    <th scope="row">{fyText(pc, r.fy)}</th>
                    {scales && <td>{pc.text(scale.name, scale.nameEn).value}</td>}
                    <td>{ratingText(pc, cmp.older, r, r.from)}</td>
                    <td>{ratingText(pc, cmp.newer, r, r.to)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {d.indicators.length > 0 && (
        <TableScroll label={`${d.code} ${t('compare.indicators')}`}>
          <table>
            <caption>{`${d.code} ${t('compare.indicators')}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.indicator')}</th>
                <th scope="col">{t('compare.before')}</th>
                <th scope="col">{t('compare.after')}</th>
              </tr>
            </thead>
            <tbody>
              {d.indicators.map((c) => {
                const x = indicatorText(pc, content, d.code, c);
                return (
                  <tr>
                    <th scope="row">
                      {`${x.name}${paren(pc, `${fyText(pc, c.fy)}${pc.lang === 'ja' ? '・' : ', '}${t(`compare.kpi.${c.field}`)}`)}`}
                    </th>
                    <td>{x.from}</td>
                    <td>{x.to}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {texts.length > 0 && (
        <TableScroll label={`${d.code} ${t('compare.texts')}`}>
          <table>
            <caption>{`${d.code} ${t('compare.texts')}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.field')}</th>
                <th scope="col">{t('compare.change')}</th>
                <th scope="col">{t('compare.content')}</th>
              </tr>
            </thead>
            <tbody>
              {texts.map(({ c, kind }) => (
                <tr>
                  <th scope="row">{textLabel(pc, c)}</th>
                  <td>{kind}</td>
                  <td class="lines">{c.item}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {d.fieldChanges.length > 0 && <FieldChanges {...props} d={d} content={content} />}
      <p>
        {/* Pinned to the edition named, whichever edition the reader had chosen before (as the editions list). */}
        <a
          href={`${base}/initiatives/${encodeURIComponent(d.code)}?edition=${encodeURIComponent(edition.id)}${pc.lang === 'en' ? '&lang=en' : ''}`}
        >
          {t('compare.open', { name: edition.name })}
        </a>
      </p>
    </section>
  );
}

/**
 * Two published editions side by side for citizens: a GET form (works without JavaScript) to choose them, then
 * per initiative what changed (ratings as the plan's levels, KPI values with their units, 工程表 and text items
 * added or removed), as the staff's comparison shows it, but only ever between published editions.
 */
export function ComparePage(props: PlanPageProps & { cmp: PublicComparison }) {
  const { pc, base, cmp } = props;
  const t = pc.t;
  const options = cmp.editions.map((e) => ({ value: e.id, label: `${e.name}${paren(pc, fyText(pc, e.fy))}` }));
  const select = (name: 'from' | 'to', chosen: string) => (
    <div>
      <label for={`f-${name}`}>{t(`compare.${name}`)}</label>
      <select id={`f-${name}`} name={name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === chosen}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <PortalLayout
      pc={pc}
      title={t('compare.title')}
      plan={planChrome(props, 'editions')}
      crumbs={planCrumbs(
        props,
        { label: t('editions.title'), href: pc.href(`${base}/editions`) },
        {
          label: t('compare.title'),
        },
      )}
    >
      <h1>{t('compare.title')}</h1>
      <p>{t('compare.lead')}</p>
      {cmp.editions.length < 2 ? (
        <p>{t('compare.onlyOne')}</p>
      ) : (
        <form class="filters" method="get" action={`${base}/compare`}>
          {select('from', cmp.from.id)}
          {select('to', cmp.to.id)}
          {pc.lang === 'en' && <input type="hidden" name="lang" value="en" />}
          <div class="filters__actions">
            <button type="submit">{t('compare.submit')}</button>
          </div>
        </form>
      )}
      {cmp.editions.length >= 2 && cmp.from.id === cmp.to.id && <p>{t('compare.same')}</p>}
      {cmp.from.id !== cmp.to.id && (
        <>
          <p role="status">
            {t('compare.summary', {
              from: cmp.from.name,
              to: cmp.to.name,
              n: cmp.diff.initiatives.length,
              m: cmp.diff.unchanged,
            })}
          </p>
          {cmp.diff.initiatives.map((d) => (
            <InitiativeChanges {...props} cmp={cmp} d={d} />
          ))}
        </>
      )}
    </PortalLayout>
  );
}
