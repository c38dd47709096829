import type { InitiativeView } from '../../../app/index.ts';
import { isGoalNode, type PlanDocument, statedStatus } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { segment } from '../portal-context.ts';
import { fyText, paren } from './format.ts';
import { Localized } from './localized.tsx';

/**
 * Where an initiative stands in the plan's life: status with its year (only where the plan states one), the year it was added, what it was merged
 * or split into, the codes it had before a renumbering, the earlier plan it continues, and the note on why.
 * Rendered as <div>s of a <dl class="facts">.
 */
export function LifecycleFacts(props: { pc: PortalContext; plan: PlanDocument; base: string; view: InitiativeView }) {
  const { pc, plan, base, view } = props;
  const t = pc.t;
  const node = view.node;
  const life = node.lifecycle;
  const carried = node.carriedFrom;
  const fromPlan = carried && plan.predecessor?.slug === carried.plan ? plan.predecessor.title : (carried?.plan ?? '');
  // Another plan of the same organization; not for static exports, which may hold this plan alone.
  const carriedHref = carried
    ? `${base.slice(0, base.lastIndexOf('/'))}/${carried.plan}/initiatives/${segment(carried.code)}${pc.lang === 'en' ? '?lang=en' : ''}`
    : '';
  return (
    <>
      {statedStatus(life) && (
        <div>
          <dt>{t('initiative.status')}</dt>
          <dd>
            {t(`status.${life.status}`)}
            {life.fromFy !== undefined &&
              life.status !== 'active' &&
              paren(pc, t('initiative.statusFrom', { fy: fyText(pc, life.fromFy) }))}
            {life.addedFy !== undefined && paren(pc, t('lifecycle.added', { fy: fyText(pc, life.addedFy) }))}
          </dd>
        </div>
      )}
      {view.into.length > 0 && (
        <div>
          <dt>{t('lifecycle.into')}</dt>
          <dd>
            {view.into.map((x, i) => (
              <>
                {i > 0 && (pc.lang === 'ja' ? '、' : ', ')}
                {x.node ? (
                  <a href={pc.href(`${base}/${isGoalNode(x.node) ? 'goals' : 'initiatives'}/${segment(x.code)}`)}>
                    {x.code} <Localized pc={pc} ja={x.node.title} en={x.node.titleEn} />
                  </a>
                ) : (
                  x.code
                )}
              </>
            ))}
          </dd>
        </div>
      )}
      {node.previousCodes.length > 0 && (
        <div>
          <dt>{t('lifecycle.previousCodes')}</dt>
          <dd>{node.previousCodes.join(pc.lang === 'ja' ? '、' : ', ')}</dd>
        </div>
      )}
      {carried && (
        <div>
          <dt>{t('lifecycle.carriedFrom')}</dt>
          <dd>
            {pc.staticSite ? (
              t('lifecycle.carriedFromValue', { plan: fromPlan, code: carried.code })
            ) : (
              <a href={carriedHref}>{t('lifecycle.carriedFromValue', { plan: fromPlan, code: carried.code })}</a>
            )}
          </dd>
        </div>
      )}
      {life.note && (
        <div>
          <dt>{t('lifecycle.note')}</dt>
          <dd>
            <Localized pc={pc} ja={life.note} />
          </dd>
        </div>
      )}
    </>
  );
}
