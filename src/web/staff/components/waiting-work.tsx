import { type BoardRow, type RoundWork, WORK_LISTS } from '../../../app/index.ts';
import { taskPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';
import { StateBadge } from './state-badge.tsx';

function TaskLinks(props: { text: StaffText; planSlug: string; fy: number; rows: BoardRow[] }) {
  return (
    <ul class="work-list">
      {props.rows.map((r) => (
        <li>
          <a href={taskPath(props.planSlug, props.fy, r.code)}>{`${r.code} ${r.title}`}</a>{' '}
          <StateBadge text={props.text} state={r.state} returned={r.returned} overdue={r.overdue} dueSoon={r.dueSoon} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The staff home's "waiting for you": counts first (each a link to its list), then the lists; and, when no
 * e-mail is configured, the reminders the person would have been mailed.
 */
export function WaitingWork(props: { text: StaffText; work: RoundWork; mailEnabled: boolean }) {
  const { text, work } = props;
  const t = text.t;
  const id = (list: string) => `work-${work.planSlug}-${work.fy}-${list}`;
  const lists = WORK_LISTS.flatMap((name) => {
    const rows = work.lists[name];
    return rows ? [{ name, rows, label: t(`work.${name}`) }] : [];
  });
  const fy = text.fy(work.fy);
  const empty = lists.every((l) => l.rows.length === 0) && work.conflicts.length === 0;
  return (
    <section class="work" aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('work.title', { fy, plan: work.planTitle })}</h3>
      {!props.mailEnabled && work.notices.length > 0 && (
        <div class="callout" role="note" aria-labelledby={id('notices')}>
          <h4 id={id('notices')}>{t('work.notices')}</h4>
          <p class="muted">{t('work.noticesLead')}</p>
          <ul>
            {work.notices.map((n) => (
              <li>
                {t(`work.notice.${n.kind}`, {
                  fy,
                  n: n.rows.length,
                  date: work.dueDate,
                  days: Math.abs(work.daysLeft),
                })}
                <TaskLinks text={text} planSlug={work.planSlug} fy={work.fy} rows={n.rows} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul class="work-counts" aria-label={t('work.summary')}>
        {work.conflicts.length > 0 && (
          <li>
            <a href={`#${id('conflicts')}`}>
              {t('work.listOf', { list: t('work.conflicts'), n: work.conflicts.length })}
            </a>
          </li>
        )}
        {lists.map((l) => (
          <li>
            {l.rows.length > 0 ? (
              <a href={`#${id(l.name)}`}>{t('work.listOf', { list: l.label, n: l.rows.length })}</a>
            ) : (
              t('work.listOf', { list: l.label, n: 0 })
            )}
          </li>
        ))}
      </ul>
      {empty && <p>{t('work.nothing')}</p>}
      {work.conflicts.length > 0 && (
        <>
          <h4 id={id('conflicts')}>{t('work.listOf', { list: t('work.conflicts'), n: work.conflicts.length })}</h4>
          <ul class="work-list">
            {work.conflicts.map(({ row, fields }) => (
              <li>
                <a href={`${taskPath(work.planSlug, work.fy, row.code)}/conflicts`}>{`${row.code} ${row.title}`}</a>
                {` ${text.paren(t('work.conflictFields', { n: fields }))}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {lists
        .filter((l) => l.rows.length > 0)
        .map((l) => (
          <>
            <h4 id={id(l.name)}>{t('work.listOf', { list: l.label, n: l.rows.length })}</h4>
            <TaskLinks text={text} planSlug={work.planSlug} fy={work.fy} rows={l.rows} />
          </>
        ))}
    </section>
  );
}
