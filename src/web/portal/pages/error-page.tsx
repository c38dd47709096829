import { PortalLayout } from '../layout.tsx';
import type { PortalContext } from '../portal-context.ts';

export interface ErrorLinks {
  /** "/ogori/action-plan-2" when the plan is known, so the page can point into it. */
  base?: string | undefined;
  goalLevel?: string | undefined;
  /** Name of the plan's primary scale, for the link to its 一覧. */
  scale?: string | undefined;
}

/**
 * 404 and 400 pages: say what went wrong in the reader's language and offer ways on (the plan's home, its goal
 * list, the 一覧 and search when the plan is known; the index otherwise).
 */
export function ErrorPage(props: {
  pc: PortalContext;
  status: 400 | 404 | 500;
  messages: string[];
  links?: ErrorLinks | undefined;
}) {
  const { pc, status, messages, links } = props;
  const t = pc.t;
  const title = status === 404 ? t('error.notFound') : status === 400 ? t('error.badRequest') : t('error.internal');
  const base = links?.base;
  return (
    <PortalLayout pc={pc} title={title}>
      <h1>{title}</h1>
      <p>{status === 404 ? t('error.notFoundLead') : status === 400 ? t('error.badRequestLead') : ''}</p>
      {messages.length > 0 && (
        <ul class="error-list">
          {messages.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      )}
      <h2>{t('error.suggest')}</h2>
      <ul>
        {base && (
          <>
            <li>
              <a href={`${pc.href(`${base}/`)}#by-goal`}>{t('error.toGoals', { level: links?.goalLevel ?? '' })}</a>
            </li>
            <li>
              <a href={pc.href(`${base}/list`)}>
                {links?.scale ? t('error.toList', { scale: links.scale }) : t('nav.list')}
              </a>
            </li>
            <li>
              <a href={pc.href(`${base}/search`)}>{t('error.toSearch')}</a>
            </li>
          </>
        )}
        <li>
          <a href={pc.href('/')}>{t('error.toHome')}</a>
        </li>
      </ul>
    </PortalLayout>
  );
}
