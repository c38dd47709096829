import { Hono } from 'hono';
import { type AppContext, getPublicEdition, listOrganizations, listPublicPlans } from '../app/index.ts';
import { formatFiscalYear, type PlanNode } from '../domain/index.ts';

/** A plain overview of each published plan: its goals and initiatives with the edition year's rating. */
export function overviewRoutes(ctx: AppContext) {
  const app = new Hono();
  app.get('/', async (c) => {
    const orgs = await listOrganizations(ctx);
    const lists = await Promise.all(orgs.map((o) => listPublicPlans(ctx, o.slug)));
    return c.html(
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <title>進捗 Shinchoku</title>
        </head>
        <body>
          <h1>公表中の計画</h1>
          {lists.map((l) => (
            <section>
              <h2>{l.organization.name}</h2>
              <ul>
                {l.plans.map((p) => (
                  <li>
                    <a href={`/${l.organization.slug}/${p.slug}/`}>{p.title}</a>（{p.edition.name}）
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </body>
      </html>,
    );
  });
  app.get('/:org/:plan/', async (c) => {
    const pub = await getPublicEdition(ctx, { organizationSlug: c.req.param('org'), planSlug: c.req.param('plan') });
    const { plan } = pub.content;
    const fy = pub.edition.fy;
    const scale = plan.ratingScales[0]!;
    const rating = (n: PlanNode) => {
      const a = n.assessments.find((x) => x.fy === fy && (x.scale ?? scale.key) === scale.key);
      return a ? (scale.levels.find((l) => l.key === a.level)?.label ?? a.level) : '未評価';
    };
    return c.html(
      <html lang="ja">
        <head>
          <meta charset="utf-8" />
          <title>{plan.title}</title>
        </head>
        <body>
          <h1>{plan.title}</h1>
          <p>
            {pub.edition.name} — {formatFiscalYear(fy)}の{scale.name}
          </p>
          {plan.nodes.map((goal) => (
            <section>
              <h2>
                {goal.code} {goal.title}
              </h2>
              <ul>
                {goal.children.map((n) => (
                  <li>
                    {n.code} {n.title}: {rating(n)}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </body>
      </html>,
    );
  });
  return app;
}
