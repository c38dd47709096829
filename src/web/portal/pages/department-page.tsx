import type { DepartmentView } from '../../../app/index.ts';
import { fyText, paren, scaleName, scaleParams } from '../components/format.ts';
import { Localized, Phrased } from '../components/localized.tsx';
import { rateText } from '../components/rate-text.ts';
import { RollupItems } from '../components/rollup-items.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { PortalLayout } from '../layout.tsx';
import { type PlanPageProps, plainText, planChrome, planCrumbs } from '../plan-page-props.tsx';
import { segment } from '../portal-context.ts';

/** What one 課 is responsible for: its initiatives (lead or shared) and their mean achievement per year. */
export function DepartmentPage(props: PlanPageProps & { view: DepartmentView }) {
  const { pc, pub, base, view } = props;
  const t = pc.t;
  const plan = pub.content.plan;
  const scale = plan.ratingScales[0]!;
  const fy = pub.edition.fy;
  const d = view.department;
  const name = plainText(props, d.name, d.nameEn);
  const current = view.rollups.find((r) => r.fy === fy);
  return (
    <PortalLayout
      pc={pc}
      title={t('department.title', { name })}
      plan={planChrome(props)}
      crumbs={planCrumbs(
        props,
        { label: t('department.index'), href: pc.href(`${base}/departments/`) },
        { label: <Localized pc={pc} ja={d.name} en={d.nameEn} /> },
      )}
    >
      <h1>
        {pc.lang === 'ja' ? (
          <Phrased text={t('department.title', { name })} />
        ) : (
          <>
            {t('department.title', { name: '' }).trim()} <Localized pc={pc} ja={d.name} en={d.nameEn} />
          </>
        )}
      </h1>
      {current && (
        <p class="headline">
          <span class="headline__fy">{t('department.rollup', { fy: fyText(pc, fy), scale: scaleName(pc, plan) })}</span>
          <span class="headline__value">{current.formatted}</span>
          <span class="headline__coverage">{current.coverageLabel[pc.lang]}</span>
        </p>
      )}
      {current && current.assessedCount > 0 && (
        <p class="note">{t('plan.method', { method: current.methodLabel[pc.lang] })}</p>
      )}
      {current && <RollupItems pc={pc} plan={plan} base={base} rollup={current} />}
      <TableScroll label={t('department.title', { name })}>
        <table>
          <caption>{t('department.title', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.code')}</th>
              <th scope="col">{t('table.title')}</th>
              <th scope="col">{t('initiative.departments')}</th>
              <th scope="col">{fyText(pc, fy)}</th>
            </tr>
          </thead>
          <tbody>
            {view.initiatives.map((i) => (
              <tr>
                <td>{i.node.code}</td>
                <th scope="row">
                  <a href={pc.href(`${base}/initiatives/${segment(i.node.code)}`)}>
                    <Localized pc={pc} ja={i.node.title} en={i.node.titleEn} />
                  </a>
                </th>
                <td>{i.lead ? t('department.lead') : t('department.shared')}</td>
                <td class="num">{rateText(pc, scale, i.current, plan.rollup.decimals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </PortalLayout>
  );
}

/** Every 課 with initiatives in the plan: how many it leads or shares and its mean achievement. */
export function DepartmentsIndexPage(props: PlanPageProps & { views: DepartmentView[] }) {
  const { pc, pub, base, views } = props;
  const t = pc.t;
  const fy = pub.edition.fy;
  return (
    <PortalLayout
      pc={pc}
      title={t('department.index')}
      plan={planChrome(props, 'departments')}
      crumbs={planCrumbs(props, { label: t('department.index') })}
    >
      <h1>{t('department.index')}</h1>
      <p>{t('department.indexLead', scaleParams(pc, pub.content.plan))}</p>
      <TableScroll label={t('department.index')}>
        <table>
          <caption>{t('department.index')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.departments')}</th>
              <th scope="col">{t('department.lead')}</th>
              <th scope="col">{t('department.shared')}</th>
              <th scope="col">{`${scaleName(pc, pub.content.plan)}${paren(pc, fyText(pc, fy))}`}</th>
              <th scope="col">{t('table.method')}</th>
            </tr>
          </thead>
          <tbody>
            {views.map((v) => {
              const r = v.rollups.find((x) => x.fy === fy);
              return (
                <tr>
                  <th scope="row">
                    <a href={pc.href(`${base}/departments/${segment(v.department.code)}`)}>
                      <Localized pc={pc} ja={v.department.name} en={v.department.nameEn} />
                    </a>
                  </th>
                  <td class="num">{t('common.count', { n: v.initiatives.filter((i) => i.lead).length })}</td>
                  <td class="num">{t('common.count', { n: v.initiatives.filter((i) => !i.lead).length })}</td>
                  <td class="num">{r && r.assessedCount > 0 ? r.formatted : '—'}</td>
                  <td>{r && r.assessedCount > 0 ? r.methodLabel[pc.lang] : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </PortalLayout>
  );
}
