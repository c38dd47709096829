import { dateText, fyText } from '../components/format.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, planChrome, planCrumbs } from '../plan-page-props.tsx';

/**
 * Every published edition of the plan, newest first; choosing one adds ?edition= to every link. With more than
 * one, each links to its comparison with the one before it.
 */
export function EditionsPage(props: PlanPageProps) {
  const { pc, pub, base } = props;
  const t = pc.t;
  // The comparison is drawn per request from the two editions chosen: a static export has no page for it.
  const comparable = pub.editions.length > 1 && !pc.staticSite;
  const lang = pc.lang === 'en' ? '&lang=en' : '';
  return (
    <PortalLayout
      pc={pc}
      title={t('editions.title')}
      plan={planChrome(props, 'editions')}
      crumbs={planCrumbs(props, { label: t('editions.title') })}
    >
      <h1>{t('editions.title')}</h1>
      <p>{t('editions.lead')}</p>
      {comparable && (
        <p>
          <a href={pc.href(`${base}/compare`)}>{t('editions.compare')}</a>
        </p>
      )}
      <TableScroll label={t('editions.title')}>
        <table>
          <caption>{t('editions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('editions.name')}</th>
              <th scope="col">{t('editions.fy')}</th>
              <th scope="col">{t('editions.publishedAt')}</th>
              <th scope="col">{t('editions.current')}</th>
              {comparable && <th scope="col">{t('compare.title')}</th>}
            </tr>
          </thead>
          <tbody>
            {pub.editions.map((e, i) => (
              <tr>
                <th scope="row">
                  <a
                    href={`${base}/?edition=${encodeURIComponent(e.id)}${lang}`}
                    aria-current={e.id === pub.edition.id ? 'true' : undefined}
                  >
                    {e.name}
                  </a>
                  {e.id === pub.edition.id &&
                    (pc.lang === 'ja' ? ` （${t('editions.viewing')}）` : ` (${t('editions.viewing')})`)}
                </th>
                <td>{fyText(pc, e.fy)}</td>
                <td>
                  <time datetime={e.publishedAt}>{dateText(pc, e.publishedAt)}</time>
                </td>
                <td>{e.isCurrent ? t('editions.current') : ''}</td>
                {comparable && (
                  <td>
                    {/* Newest first: the previous edition is the next row. */}
                    {pub.editions[i + 1] && (
                      <a href={pc.href(`${base}/compare`, { from: pub.editions[i + 1]!.id, to: e.id })}>
                        {t('editions.compareWithPrevious')}
                      </a>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </PortalLayout>
  );
}
