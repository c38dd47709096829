import type { Department } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { segment } from '../portal-context.ts';
import { Localized } from './localized.tsx';

/** Department names, lead first, each linking to its department page. */
export function DepartmentsText(props: { pc: PortalContext; base: string; departments: Department[] }) {
  const { pc, base } = props;
  return (
    <ul class="inline-list">
      {props.departments.map((d) => (
        <li>
          <a href={pc.href(`${base}/departments/${segment(d.code)}`)}>
            <Localized pc={pc} ja={d.name} en={d.nameEn} phrased />
          </a>
        </li>
      ))}
    </ul>
  );
}
