/**
 * A small JSON-logic evaluator for showing and requiring fields while typing. It covers the operators forms use;
 * anything else counts as "show the field" — the server evaluates every condition again and has the last word.
 */
type Rule = unknown;

const get = (data: unknown, path: string): unknown =>
  path === ''
    ? data
    : path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);

export function evaluate(rule: Rule, data: unknown): unknown {
  if (Array.isArray(rule)) return rule.map((r) => evaluate(r, data));
  if (!rule || typeof rule !== 'object') return rule;
  const [op] = Object.keys(rule);
  const raw = (rule as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const at = (i: number) => evaluate(args[i], data);
  switch (op) {
    case 'var': {
      const v = get(data, String(at(0) ?? ''));
      return v === undefined ? (at(1) ?? null) : v;
    }
    case '==':
      return at(0) == at(1); // eslint-disable-line eqeqeq
    case '===':
      return at(0) === at(1);
    case '!=':
      return at(0) != at(1); // eslint-disable-line eqeqeq
    case '!==':
      return at(0) !== at(1);
    case '!':
      return !truthy(at(0));
    case '!!':
      return truthy(at(0));
    case 'and':
      return args.every((a) => truthy(evaluate(a, data)));
    case 'or':
      return args.some((a) => truthy(evaluate(a, data)));
    case '>':
      return Number(at(0)) > Number(at(1));
    case '>=':
      return Number(at(0)) >= Number(at(1));
    case '<':
      return Number(at(0)) < Number(at(1));
    case '<=':
      return Number(at(0)) <= Number(at(1));
    case 'in': {
      const hay = at(1);
      return Array.isArray(hay) ? hay.includes(at(0)) : typeof hay === 'string' && hay.includes(String(at(0)));
    }
    case 'is_descendant_of': {
      const path = String(at(0) ?? '');
      const root = String(at(1) ?? '');
      return path === root || path.startsWith(`${root}/`);
    }
    default:
      throw new Error(`unsupported ${op}`);
  }
}

const truthy = (v: unknown) => (Array.isArray(v) ? v.length > 0 : Boolean(v));

/** Whether a condition holds; an unknown operator counts as true (show it, let the server decide). */
export function holds(rule: Rule | null | undefined, data: unknown): boolean {
  if (rule === null || rule === undefined) return true;
  try {
    return truthy(evaluate(rule, data));
  } catch {
    return true;
  }
}
