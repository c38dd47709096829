import type { ExecutiveView, StaffSession } from '../../../app/index.ts';
import { formatPercent } from '../../../domain/index.ts';
import { StaffLayout } from '../components/staff-layout.tsx';
import { StateBadge } from '../components/state-badge.tsx';
import { planPath, taskPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

export function ExecutivePage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  view: ExecutiveView;
}) {
  const { text, view } = props;
  const t = text.t;
  const changed = view.changes?.initiatives ?? [];
  return (
    <StaffLayout
      text={text}
      session={props.session}
      title={t('exec.title', { fy: text.fy(view.fy) })}
      back={`${planPath(props.planSlug)}/executive`}
      crumbs={[{ label: t('app.home'), href: '/staff/' }, { label: t('home.executive') }]}
    >
      <h2>{t('exec.late')}</h2>
      {view.late.length === 0 ? (
        <p>{t('exec.noneLate')}</p>
      ) : (
        <ul>
          {view.late.map((r) => (
            <li>
              <a href={taskPath(props.planSlug, view.fy, r.code)}>{`${r.code} ${r.title}`}</a>
              {` — ${r.departments.map(text.dept).join(text.sep)} `}
              <StateBadge text={text} state={r.state} overdue={r.overdue} />
            </li>
          ))}
        </ul>
      )}
      <h2>{t('exec.drops')}</h2>
      {view.ratingDrops.length === 0 ? (
        <p>{t('exec.noneDrops')}</p>
      ) : (
        <ul>
          {view.ratingDrops.map((d) => (
            <li>{`${d.code} ${d.title}: ${text.fy(view.fy - 1)} ${d.previous} → ${text.fy(view.fy)} ${d.current}`}</li>
          ))}
        </ul>
      )}
      <h2>{t('exec.kpi')}</h2>
      {view.statusRule === null ? (
        <p>{t('exec.noRule')}</p>
      ) : view.kpisAtRisk.length === 0 ? (
        <p>{t('exec.noneKpi')}</p>
      ) : (
        <ul>
          {view.kpisAtRisk.map((k) => (
            <li>
              {`${k.code} ${k.title} — ${k.indicator}: ${k.formula}${text.paren(`${k.expected === null ? '' : `${t('exec.kpiExpected', { expected: formatPercent(k.expected, 1) })}${text.sep}`}${k.label}`)}`}
            </li>
          ))}
        </ul>
      )}
      {view.editionName && (
        <>
          <h2>{t('exec.changes', { edition: view.editionName })}</h2>
          {changed.length === 0 ? (
            <p>{t('diff.none')}</p>
          ) : (
            <ul>
              {changed.map((d) => (
                <li>{`${d.code} ${d.title}`}</li>
              ))}
            </ul>
          )}
          <p>
            <a href={`${planPath(props.planSlug)}/editions/diff?to=working`}>{t('diff.title')}</a>
          </p>
        </>
      )}
    </StaffLayout>
  );
}
