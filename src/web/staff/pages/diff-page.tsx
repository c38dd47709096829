import type { EditionComparison, StaffSession } from '../../../app/index.ts';
import { SelectField } from '../components/form-parts.tsx';
import { StaffLayout } from '../components/staff-layout.tsx';
import { diffTextOf } from '../diff-text.ts';
import { planPath } from '../staff-paths.ts';
import type { StaffText } from '../staff-text.ts';

export function DiffPage(props: {
  text: StaffText;
  session: StaffSession;
  planSlug: string;
  comparison: EditionComparison;
  canReadDraft: boolean;
}) {
  const { text, comparison: cmp } = props;
  const t = text.t;
  const base = planPath(props.planSlug);
  const options = [
    ...(props.canReadDraft ? [{ value: 'working', label: t('diff.working') }] : []),
    ...cmp.editions.map((e) => ({ value: e.id, label: e.name })),
  ];
  const label = (k: string) => cmp.scale.levels.find((l) => l.key === k)?.label ?? k;
  return (
    <StaffLayout
      text={text}
      session={props.session}
      title={t('diff.title')}
      back={`${base}/editions/diff`}
      crumbs={[{ label: t('app.home'), href: '/staff/' }, { label: cmp.planTitle }]}
    >
      <form method="get" action={`${base}/editions/diff`}>
        <SelectField path="from" name="from" label={t('diff.from')} value={cmp.from} options={options} />
        <SelectField path="to" name="to" label={t('diff.to')} value={cmp.to} options={options} />
        <button type="submit">{t('diff.show')}</button>
      </form>
      <p>{t('diff.unchanged', { n: cmp.diff.unchanged })}</p>
      {cmp.diff.initiatives.length === 0 && <p>{t('diff.none')}</p>}
      {cmp.diff.initiatives.map((d) => (
        <section aria-labelledby={`d-${d.code}`}>
          <h2 id={`d-${d.code}`}>{`${d.code} ${d.title}`}</h2>
          {d.status !== 'changed' && <p>{t(d.status === 'added' ? 'diff.status.added' : 'diff.status.removed')}</p>}
          <ul>
            {diffTextOf(text, d, label, cmp.fields).map((l) => (
              <li class={l.kind === 'removed' ? 'diff-removed' : l.kind === 'added' ? 'diff-added' : undefined}>
                {l.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </StaffLayout>
  );
}
