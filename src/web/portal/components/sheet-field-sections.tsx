import { fieldDisplay, fieldLabel, type PlanNode, type SheetField } from '../../../domain/index.ts';
import type { PortalContext } from '../portal-context.ts';
import { dateText, fyText } from './format.ts';
import { Localized } from './localized.tsx';

/**
 * The sheet fields kept by key (the plan's own, and built-in ones added since the catalogue), each a section
 * after the 目標: a text, its items, or a table of amounts by fiscal year. A field the plan declares is shown
 * "未記入" where the sheet gives nothing; a built-in one only where it is given.
 */
export function SheetFieldSections(props: { pc: PortalContext; fields: readonly SheetField[]; node: PlanNode }) {
  const { pc, node } = props;
  const t = pc.t;
  return (
    <>
      {props.fields.map((f) => {
        const value = f.read(node);
        if (value === undefined && f.presence === 'when-used') return null;
        const shown = fieldDisplay(f.shape, value, pc.lang);
        const id = `field-${f.key}`;
        const label = fieldLabel(f, pc.lang);
        return (
          <section aria-labelledby={id}>
            <h2 id={id}>{label}</h2>
            {!shown ? (
              <p>{t('common.notRecorded')}</p>
            ) : shown.kind === 'lines' ? (
              <ul>
                {shown.items.map((i) => (
                  <li class="lines">
                    <Localized pc={pc} ja={i} />
                  </li>
                ))}
              </ul>
            ) : shown.kind === 'years' ? (
              <table>
                <caption>{label}</caption>
                <tbody>
                  {shown.rows.map((r) => (
                    <tr>
                      <th scope="row">{fyText(pc, r.fy)}</th>
                      <td class="num">{r.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : f.shape.kind === 'link' ? (
              <p>
                <a href={shown.text}>{shown.text}</a>
              </p>
            ) : (
              <p class="lines">
                {f.shape.kind === 'date' ? dateText(pc, shown.text) : <Localized pc={pc} ja={shown.text} />}
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}
