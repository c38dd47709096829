import type { PublicPlanListing } from '../../../app/index.ts';
import { Localized } from '../components/localized.tsx';
import { PortalLayout } from '../layout.tsx';
import type { PortalContext } from '../portal-context.ts';
import { segment } from '../portal-context.ts';

/**
 * The published plans of every organization (at `/`) or of one (at `/:org/`). With a single plan in all, the
 * plan is still listed, with a prominent link, rather than redirected to, so the address stays stable.
 */
export function PlansIndexPage(props: { pc: PortalContext; listings: PublicPlanListing[]; single?: boolean }) {
  const { pc, listings } = props;
  const t = pc.t;
  const plans = listings.flatMap((l) => l.plans.map((p) => ({ org: l.organization, plan: p })));
  const only = plans.length === 1 ? plans[0] : undefined;
  const heading =
    props.single && listings[0]
      ? t('index.orgPlans', { org: pc.text(listings[0].organization.name, listings[0].organization.nameEn).value })
      : t('index.title');
  return (
    <PortalLayout pc={pc} title={heading}>
      <h1>{heading}</h1>
      <p>{t('index.lead')}</p>
      {only && (
        <p class="cta">
          <a class="button" href={pc.href(`/${segment(only.org.slug)}/${segment(only.plan.slug)}/`)}>
            {t('index.open', { title: pc.text(only.plan.title, only.plan.titleEn).value })}
          </a>
        </p>
      )}
      {plans.length === 0 && <p>{t('index.none')}</p>}
      {listings
        .filter((l) => l.plans.length > 0)
        .map((l) => (
          <section aria-labelledby={`org-${l.organization.slug}`}>
            <h2 id={`org-${l.organization.slug}`}>
              <Localized pc={pc} ja={l.organization.name} en={l.organization.nameEn} />
            </h2>
            <ul class="cards">
              {l.plans.map((p) => (
                <li class="card">
                  <h3 class="card__title">
                    <a href={pc.href(`/${segment(l.organization.slug)}/${segment(p.slug)}/`)}>
                      <Localized pc={pc} ja={p.title} en={p.titleEn} />
                    </a>
                  </h3>
                  <p>{p.edition.name}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </PortalLayout>
  );
}
