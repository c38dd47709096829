import type { PublicEdition } from '../../app/index.ts';
import { Localized } from './components/localized.tsx';
import type { Crumb, PlanChrome } from './layout.tsx';
import type { PortalContext } from './portal-context.ts';

/** What every page of one plan receives. */
export interface PlanPageProps {
  pc: PortalContext;
  pub: PublicEdition;
  /** "/ogori/action-plan-2" */
  base: string;
}

/** Header and navigation of a plan's pages. */
export function planChrome(p: PlanPageProps, current?: PlanChrome['current']): PlanChrome {
  const { pc, pub } = p;
  const org = pub.content.organization;
  const plan = pub.content.plan;
  return {
    base: p.base,
    organizationName: <Localized pc={pc} ja={org.name} en={org.nameEn} />,
    planTitle: <Localized pc={pc} ja={plan.title} en={plan.titleEn} />,
    planTitleText: pc.text(plan.title, plan.titleEn).value,
    editionName: pub.edition.name,
    ...(current && { current }),
  };
}

/** Breadcrumbs from the plan's home down to this page. */
export function planCrumbs(p: PlanPageProps, ...rest: Crumb[]): Crumb[] {
  const plan = p.pub.content.plan;
  return [
    { label: p.pc.t('breadcrumb.top'), href: p.pc.href('/') },
    { label: <Localized pc={p.pc} ja={plan.title} en={plan.titleEn} />, href: p.pc.href(`${p.base}/`) },
    ...rest,
  ];
}

/** Plain text of a content field in the page's language (for <title> and chart texts). */
export const plainText = (p: PlanPageProps, ja: string, en?: string | null) => p.pc.text(ja, en).value;
