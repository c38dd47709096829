import type { HistoryEntry, StaffSession } from '../../../app/index.ts';
import { findLevel, type RatingScale, type SheetField } from '../../../domain/index.ts';
import { StaffLayout } from '../components/staff-layout.tsx';
import { diffTextOf } from '../diff-text.ts';
import type { StaffMessageKey } from '../staff-messages.ts';
import { STAFF_MESSAGES } from '../staff-messages.ts';
import type { StaffText } from '../staff-text.ts';

export function HistoryPage(props: {
  text: StaffText;
  session: StaffSession;
  history: { code: string; title: string; scales: RatingScale[]; fields: SheetField[]; entries: HistoryEntry[] };
  back: string;
}) {
  const { text, history } = props;
  const t = text.t;
  const actionLabel = (a: string) => {
    const key = `action.${a}`;
    return key in STAFF_MESSAGES ? t(key as StaffMessageKey) : t('action.other', { action: a });
  };
  const fieldLabel = (f: string) => {
    const key = `field.${f}`;
    return key in STAFF_MESSAGES ? t(key as StaffMessageKey, { fy: '' }) : f;
  };
  // A rating as its level's label on the scale it is on (the primary scale's keys when a level is on no other).
  const levelLabel = (key: string) => {
    for (const scale of history.scales) {
      const level = findLevel(scale, key);
      if (level) return text.lang === 'en' && level.labelEn ? level.labelEn : level.label;
    }
    return key;
  };
  return (
    <StaffLayout
      text={text}
      session={props.session}
      title={t('history.title', { code: history.code, title: history.title })}
      back={props.back}
      crumbs={[{ label: t('app.home'), href: '/staff/' }, { label: `${history.code} ${history.title}` }]}
    >
      {history.entries.length === 0 ? (
        <p>{t('history.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('history.at')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.what')}</th>
              </tr>
            </thead>
            <tbody>
              {history.entries.map((e) => (
                <tr>
                  <td>{text.dateTime(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td>
                    <strong>{actionLabel(e.action)}</strong>
                    {e.changedFields.length > 0 && `${text.paren(`${e.changedFields.map(fieldLabel).join(text.sep)}`)}`}
                    {e.summary && <span class="muted">{` ${e.summary}`}</span>}
                    {e.moved && (
                      <span class="muted">{` ${t('history.moved', { from: text.state(e.moved.from), to: text.state(e.moved.to) })}`}</span>
                    )}
                    {e.diff && (
                      <ul class="history-changes">
                        {diffTextOf(text, e.diff, levelLabel, history.fields).map((l) => (
                          <li
                            class={
                              l.kind === 'removed' ? 'diff-removed' : l.kind === 'added' ? 'diff-added' : undefined
                            }
                          >
                            {l.text}
                          </li>
                        ))}
                      </ul>
                    )}
                    {e.note && <p>{e.note}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
