import { overallTitle, scaleParams } from '../components/format.ts';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, planChrome, planCrumbs } from '../plan-page-props.tsx';

/** Open data of the edition: CSV (plain and for Excel), indicators CSV, roll-up CSV, JSON, and the PDF when it can be made. */
export function DownloadsPage(props: PlanPageProps & { pdf: boolean }) {
  const { pc, pub, base } = props;
  const t = pc.t;
  const d = `${base}/downloads`;
  return (
    <PortalLayout
      pc={pc}
      title={t('downloads.title')}
      plan={planChrome(props, 'downloads')}
      crumbs={planCrumbs(props, { label: t('downloads.title') })}
    >
      <h1>{t('downloads.title')}</h1>
      <p>{t('downloads.lead', { name: pub.edition.name })}</p>
      <ul class="downloads">
        <li>
          <a href={pc.href(`${d}/edition.csv`)}>{t('downloads.csv')}</a>
        </li>
        <li>
          <a href={pc.href(`${d}/edition.csv`, { bom: 1 })}>{t('downloads.csvBom')}</a>
        </li>
        <li>
          <a href={pc.href(`${d}/indicators.csv`)}>{t('downloads.indicatorsCsv')}</a>
        </li>
        <li>
          <a href={pc.href(`${d}/rollup.csv`)}>
            {t('downloads.rollupCsv', { overall: overallTitle(pc, pub.content.plan) })}
          </a>
        </li>
        <li>
          <a href={pc.href(`${d}/edition.json`)}>{t('downloads.json')}</a>
        </li>
        <li>
          <a href={pc.href(`${d}/edition.xlsx`)}>{t('downloads.xlsx')}</a>
        </li>
        {props.pdf && (
          <li>
            <a href={pc.href(`${d}/edition.pdf`)}>{t('downloads.pdf')}</a>
          </li>
        )}
      </ul>
      <p class="note">{t('downloads.csvNote', scaleParams(pc, pub.content.plan))}</p>
    </PortalLayout>
  );
}
