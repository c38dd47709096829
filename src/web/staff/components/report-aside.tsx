import { diffTextOf } from '../diff-text.ts';
import type { ReportView } from '../report-view-helpers.ts';
import type { StaffText } from '../staff-text.ts';
import { CsrfField, TextArea } from './form-parts.tsx';

/** Last year's published content, the review notes, the review and comment forms, and the history link. */
export function ReportAside(props: {
  text: StaffText;
  view: ReportView;
  action: string;
  historyHref: string;
  csrf: string;
  errors: Record<string, string>;
  reviewNote?: string;
}) {
  const { text, view } = props;
  const t = text.t;
  const fy = view.round.fy;
  const pub = view.published;
  const lastRating = pub?.lastRating;
  const lastActual = pub?.node.roadmap.find((r) => r.fy === fy - 1)?.actual ?? [];
  const plannedNow = pub?.node.roadmap.find((r) => r.fy === fy)?.plan ?? [];
  const label = (key: string) => view.scale.levels.find((l) => l.key === key)?.label ?? key;
  const noteKind = {
    return: 'report.note.return',
    approve: 'report.note.approve',
    comment: 'report.note.comment',
  } as const;
  return (
    <div class="aside">
      {view.can.review && (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t('report.review')}</h2>
          <form method="post" action={`${props.action}/review`} novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="taskVersion" value={String(view.task.version)} />
            <TextArea
              path="note"
              name="note"
              label={t('report.reviewNote')}
              hint={t('report.reviewNoteHint')}
              value={props.reviewNote ?? ''}
              rows={3}
              error={props.errors.note}
            />
            <div class="actions">
              <button type="submit" name="decision" value="approve">
                {t('report.approve')}
              </button>
              <button type="submit" name="decision" value="return" class="secondary">
                {t('report.return')}
              </button>
            </div>
          </form>
        </section>
      )}
      <section aria-labelledby="notes-title">
        <h2 id="notes-title">{t('report.notes')}</h2>
        {view.notes.length === 0 ? (
          <p>{t('report.noNotes')}</p>
        ) : (
          <ul class="notes">
            {view.notes.map((n) => (
              <li class={`note--${n.kind}`}>
                <p>
                  <strong>{t(noteKind[n.kind])}</strong>
                  {` ${n.authorName}${text.paren(`${text.dateTime(n.createdAt)}`)}`}
                </p>
                {n.text && <p>{n.text}</p>}
              </li>
            ))}
          </ul>
        )}
        {/* A reviewer has one comment box, the note that goes with the decision, not a second one here. */}
        {view.can.comment && !view.can.review && (
          <form method="post" action={`${props.action}/comments`} novalidate>
            <CsrfField token={props.csrf} />
            <TextArea
              path="text"
              name="text"
              label={t('report.commentText')}
              value=""
              rows={2}
              error={props.errors.text}
            />
            <button type="submit" class="secondary">
              {t('report.addComment')}
            </button>
          </form>
        )}
      </section>
      {pub && (
        <section aria-labelledby="last-year-title">
          <h2 id="last-year-title">{t('report.lastYear', { edition: pub.editionName })}</h2>
          <p>
            {t('report.lastYearRating', {
              fy: text.fy(fy - 1),
              scale: view.scale.name,
              level: lastRating ? label(lastRating.level) : t('common.none'),
            })}
          </p>
          {lastRating?.comment && <p>{lastRating.comment}</p>}
          <h3>{t('report.lastYearActual', { fy: text.fy(fy - 1) })}</h3>
          {lastActual.length ? (
            <ul>
              {lastActual.map((i) => (
                <li>{i}</li>
              ))}
            </ul>
          ) : (
            <p>{t('common.none')}</p>
          )}
          <h3>{t('report.plannedThisYear', { fy: text.fy(fy) })}</h3>
          {plannedNow.length ? (
            <ul>
              {plannedNow.map((i) => (
                <li>{i}</li>
              ))}
            </ul>
          ) : (
            <p>{t('common.none')}</p>
          )}
          <h3>{t('report.changes')}</h3>
          {view.changes ? (
            <ul>
              {diffTextOf(text, view.changes, label, view.entryFields).map((line) => (
                <li class={line.kind === 'removed' ? 'diff-removed' : line.kind === 'added' ? 'diff-added' : undefined}>
                  {line.text}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('report.noChanges')}</p>
          )}
        </section>
      )}
      {view.can.history && (
        <p>
          <a href={props.historyHref}>{t('report.history')}</a>
        </p>
      )}
    </div>
  );
}
