import {
  assessmentOf,
  findLevel,
  findNode,
  type PlanDocument,
  type PlanRollup,
  ratingQuery,
} from '../../../domain/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { segment } from '../portal-context.ts';
import { paren } from './format.ts';
import { Localized } from './localized.tsx';

/**
 * The items a roll-up left out, by name: not assessed (never counted as 0), rated on an excluded level such as
 * 評価不能, and no longer in the plan. Nothing is rendered when every item was counted.
 */
export function RollupItems(props: { pc: PortalContext; plan: PlanDocument; base: string; rollup: PlanRollup }) {
  const { pc, plan, base, rollup } = props;
  const groups: [MessageKey, string[]][] = [
    ['plan.missingList', rollup.missing],
    ['plan.excludedList', rollup.excluded],
    ['plan.inactiveList', rollup.inactive],
  ];
  const shown = groups.filter(([, codes]) => codes.length > 0);
  const scale = plan.ratingScales.find((sc) => sc.key === rollup.scaleKey) ?? plan.ratingScales[0]!;
  // An excluded item says which level put it out of the figure (評価不能).
  const excludedLevel = (code: string) => {
    const node = findNode(plan, code);
    const a = node && assessmentOf(node, rollup.fy, scale.key, ratingQuery(plan));
    const level = a && findLevel(scale, a.level);
    return level ? (pc.lang === 'en' ? (level.labelEn ?? level.label) : level.label) : null;
  };
  if (shown.length === 0) return null;
  return (
    <ul class="rollup-items note">
      {shown.map(([key, codes]) => {
        const [before, after] = pc.t(key, { items: '\u0000' }).split('\u0000');
        return (
          <li>
            {before}
            {codes.map((code, i) => {
              const node = findNode(plan, code);
              return (
                <>
                  {i > 0 && (pc.lang === 'ja' ? '、' : ', ')}
                  <a href={pc.href(`${base}/initiatives/${segment(code)}`)}>
                    {code}
                    {node && (
                      <>
                        {' '}
                        <Localized pc={pc} ja={node.title} en={node.titleEn} />
                      </>
                    )}
                  </a>
                  {key === 'plan.excludedList' && excludedLevel(code) && paren(pc, excludedLevel(code) ?? '')}
                </>
              );
            })}
            {after}
          </li>
        );
      })}
    </ul>
  );
}
