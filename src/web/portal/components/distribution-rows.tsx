import {
  findLevel,
  formatDecimal,
  type PlanDocument,
  type PlanRollup,
  type RatingScale,
} from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { Localized } from './localized.tsx';

/**
 * The rows of a distribution table: each level with its count and its share, or 「割合に含めない」 for a level the
 * plan leaves out of shares. With `scale`, a level's English label is offered beside its Japanese one.
 */
export function DistributionRows(props: {
  pc: PortalContext;
  plan: PlanDocument;
  rollup: PlanRollup;
  scale?: RatingScale | undefined;
}) {
  const { pc, plan, scale } = props;
  const t = pc.t;
  return (
    <>
      {props.rollup.distribution.map((d) => (
        <tr>
          <th scope="row">
            {scale ? <Localized pc={pc} ja={d.label} en={findLevel(scale, d.levelKey)?.labelEn} /> : d.label}
          </th>
          <td class="num">{t('common.count', { n: d.count })}</td>
          <td class="num">
            {d.share === null ? t('plan.notInShares') : `${formatDecimal(d.share, plan.rollup.decimals)}%`}
          </td>
        </tr>
      ))}
    </>
  );
}
