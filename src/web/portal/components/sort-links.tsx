import type { PlanDocument } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { LIST_SORTS, type ListSort } from '../portal-query.ts';
import { scaleParams } from './format.ts';

/**
 * The 一覧's orders as plain links, for the static export, where no server answers the filter form: each order
 * is a file of its own (the default one is the 一覧 itself).
 */
export function SortLinks(props: { pc: PortalContext; plan: PlanDocument; base: string; current: ListSort }) {
  const { pc, base } = props;
  const params = scaleParams(pc, props.plan);
  const t = pc.t;
  return (
    <nav class="sort-links" aria-labelledby="sort-links-label">
      <p id="sort-links-label">{t('list.sort')}</p>
      <ul class="inline-list">
        {LIST_SORTS.map((s) => (
          <li>
            <a
              href={pc.href(`${base}/list`, s === 'code' ? {} : { sort: s })}
              aria-current={s === props.current ? 'page' : undefined}
            >
              {t(`list.sort.${s}`, params)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
