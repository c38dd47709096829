import type { Child } from 'hono/jsx';
import type { Assessment, PlanDocument, RatingLevel, RatingScale } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { Localized } from './localized.tsx';
import { TableScroll } from './table-scroll.tsx';

/** One rating as an item page lists it: the cells that say when or in which stage, then its scale and level. */
export interface ListedRating {
  leading: Child[];
  scale: RatingScale;
  assessment: Assessment;
  level: RatingLevel | undefined;
}

/**
 * A section of an item's ratings beyond the yearly table (by evaluation stage, by quarter): the leading columns
 * the caller names, the scale where the plan has several, the level and the comment. Nothing without rows.
 */
export function RatingsTableSection(props: {
  pc: PortalContext;
  plan: PlanDocument;
  id: string;
  heading: string;
  caption: string;
  leadingHeaders: string[];
  rows: ListedRating[];
}) {
  const { pc, plan } = props;
  const t = pc.t;
  if (props.rows.length === 0) return null;
  const several = plan.ratingScales.length > 1;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <TableScroll label={props.caption}>
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {props.leadingHeaders.map((h) => (
                <th scope="col">{h}</th>
              ))}
              {several && <th scope="col">{t('table.scale')}</th>}
              <th scope="col">{t('table.rating')}</th>
              <th scope="col">{t('table.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                {r.leading.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}
                {several && (
                  <td>
                    <Localized pc={pc} ja={r.scale.name} en={r.scale.nameEn} />
                  </td>
                )}
                <td>
                  <Localized pc={pc} ja={r.level?.label ?? r.assessment.level} en={r.level?.labelEn} />
                </td>
                <td>{r.assessment.comment ? <Localized pc={pc} ja={r.assessment.comment} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
