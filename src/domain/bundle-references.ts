import type { z } from 'zod';
import type { PublishedEdition } from './edition-content.ts';
import type { Department, PlanDocument, PlanNode } from './plan-document.ts';

interface BundleShape {
  departments: Department[];
  plans: PlanDocument[];
  editions: PublishedEdition[];
}

type Path = (string | number)[];

/**
 * Every reference inside a bundle names something that exists: a 課 of the organization, a plan of the bundle,
 * a scale and a level of the plan, a node of the tree. Each refusal lists what does exist, so the plan office
 * can pick the right key. (Scales and levels of assessments are checked by PlanDocument itself.)
 */
export function checkReferences(bundle: BundleShape, ctx: z.RefinementCtx): void {
  const fail = (path: Path, en: string, ja: string) =>
    ctx.addIssue({ code: 'custom', path, message: en, params: { ja } });
  const unknown = (path: Path, what: { en: string; ja: string }, key: string, valid: Iterable<string>) => {
    const list = listed(valid);
    fail(
      path,
      `unknown ${what.en} "${key}" (${what.en}s: ${list})`,
      `${what.ja}「${key}」はありません（${what.ja}: ${list}）`,
    );
  };
  const DEPT = { en: 'department', ja: '課' };

  const codes = new Set<string>();
  bundle.departments.forEach((d, i) => {
    if (codes.has(d.code))
      fail(['departments', i, 'code'], `duplicate department "${d.code}"`, `課「${d.code}」が重複しています`);
    codes.add(d.code);
  });
  bundle.departments.forEach((d, i) => {
    if (d.parent && !codes.has(d.parent)) unknown(['departments', i, 'parent'], DEPT, d.parent, codes);
  });

  const plans = new Map<string, PlanDocument>();
  bundle.plans.forEach((plan, p) => {
    if (plans.has(plan.slug))
      fail(['plans', p, 'slug'], `duplicate plan "${plan.slug}"`, `計画「${plan.slug}」が重複しています`);
    plans.set(plan.slug, plan);
  });
  bundle.plans.forEach((plan, p) => {
    const at = (...rest: Path): Path => ['plans', p, ...rest];
    const levelsOf = (scale: string) => plan.ratingScales.find((s) => s.key === scale)?.levels.map((l) => l.key);
    const scaleKeys = plan.ratingScales.map((s) => s.key);
    const checkLevel = (path: Path, scale: string, level: string) => {
      const levels = levelsOf(scale);
      if (levels && levels.length > 0 && !levels.includes(level)) {
        const list = listed(levels);
        fail(
          path,
          `"${level}" is not a level of scale "${scale}" (levels: ${list})`,
          `「${level}」は尺度「${scale}」の段階ではありません（段階: ${list}）`,
        );
      }
    };
    const checkScale = (path: Path, scale: string): boolean => {
      if (scaleKeys.includes(scale)) return true;
      unknown(path, { en: 'scale', ja: '尺度' }, scale, scaleKeys);
      return false;
    };
    const primary = scaleKeys[0]!;

    plan.ratingRules.forEach((rule, r) => {
      if (!checkScale(at('ratingRules', r, 'scale'), rule.scale)) return;
      rule.thresholds.forEach((t, i) => {
        checkLevel(at('ratingRules', r, 'thresholds', i, 'level'), rule.scale, t.level);
      });
    });
    if (plan.rollup.threshold !== undefined) checkLevel(at('rollup', 'threshold'), primary, plan.rollup.threshold);

    const nodeCodes = codesOf(plan);
    const NODE = { en: 'node', ja: '番号' };

    (plan.statedFigures ?? []).forEach((f, i) => {
      if (f.scope !== undefined && !nodeCodes.has(f.scope))
        unknown(at('statedFigures', i, 'scope'), NODE, f.scope, nodeCodes);
      const scale = f.scale ?? primary;
      if (f.scale !== undefined && !checkScale(at('statedFigures', i, 'scale'), f.scale)) return;
      if (f.level !== undefined) checkLevel(at('statedFigures', i, 'level'), scale, f.level);
    });

    const walk = (nodes: PlanNode[], path: Path) => {
      nodes.forEach((node, i) => {
        const here = [...path, i];
        node.departments.forEach((code, j) => {
          if (!codes.has(code)) unknown([...here, 'departments', j], DEPT, code, codes);
        });
        node.lifecycle.into.forEach((code, j) => {
          if (!nodeCodes.has(code)) unknown([...here, 'lifecycle', 'into', j], NODE, code, nodeCodes);
        });
        // A node carried from a plan of this bundle names one of its nodes; other plans are not in the file.
        const from = node.carriedFrom && plans.get(node.carriedFrom.plan);
        if (from && !codesOf(from).has(node.carriedFrom!.code)) {
          unknown(
            [...here, 'carriedFrom', 'code'],
            { en: `node of plan "${from.slug}"`, ja: `計画「${from.slug}」の番号` },
            node.carriedFrom!.code,
            codesOf(from),
          );
        }
        walk(node.children, [...here, 'children']);
      });
    };
    walk(plan.nodes, at('nodes'));
  });

  const names = new Set<string>();
  bundle.editions.forEach((e, i) => {
    if (!plans.has(e.plan)) unknown(['editions', i, 'plan'], { en: 'plan', ja: '計画' }, e.plan, plans.keys());
    const key = `${e.plan}\u0000${e.name}`;
    if (names.has(key))
      fail(
        ['editions', i, 'name'],
        `duplicate edition "${e.name}" of plan "${e.plan}"`,
        `計画「${e.plan}」の版「${e.name}」が重複しています`,
      );
    names.add(key);
  });
  bundle.editions.forEach((e, i) => {
    if (e.corrects === undefined) return;
    const ids = bundle.editions.filter((o) => o.plan === e.plan && o.id !== undefined && o !== e).map((o) => o.id!);
    if (!ids.includes(e.corrects)) unknown(['editions', i, 'corrects'], { en: 'edition', ja: '版' }, e.corrects, ids);
  });
}

function codesOf(plan: PlanDocument): Set<string> {
  const out = new Set<string>();
  const walk = (nodes: PlanNode[]) => {
    for (const n of nodes) {
      out.add(n.code);
      walk(n.children);
    }
  };
  walk(plan.nodes);
  return out;
}

/** The valid keys, cut short past 30 so one message stays readable. */
function listed(valid: Iterable<string>): string {
  const all = [...valid];
  if (all.length === 0) return '—';
  return all.length > 30 ? `${all.slice(0, 30).join(', ')}, … (${all.length})` : all.join(', ');
}
