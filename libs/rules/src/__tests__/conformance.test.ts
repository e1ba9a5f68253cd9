import * as fs from 'node:fs';
import * as path from 'node:path';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { RuleEngine, RuleValidationError } from '../index';
import { JSONLOGIC_DATA } from './fixtures';

type Case = [rule: unknown, data: unknown, expected: unknown];

const official = JSON.parse(fs.readFileSync(path.join(JSONLOGIC_DATA, 'official/tests.json'), 'utf8')) as (string | Case)[];
const cases = official.filter((c): c is Case => typeof c !== 'string');
const engine = new RuleEngine();

describe('official JsonLogic suite', () => {
  it('has the 277 documented cases', () => {
    expect(cases).toHaveLength(277);
  });

  it.each(cases.map((c, i) => [i, JSON.stringify(c[0]).slice(0, 80), c] as const))('#%i %s', (_i, _name, [rule, data, expected]) => {
    const reference = jsonLogic.apply(rule as jsonLogic.RulesLogic, data);
    expect(reference).toEqual(expected);
    const compiled = engine.compile(rule);
    const fast = engine.evaluate(compiled, data as object);
    expect(fast.error).toBeUndefined();
    expect(fast.value).toEqual(expected);
    const traced = engine.evaluate(compiled, data as object, { trace: true });
    expect(traced.error).toBeUndefined();
    expect(traced.value).toEqual(expected);
    expect(traced.trace).toBeDefined();
  });
});

// ------------------------------------------------------------------ compat-tables report

interface CompatCase {
  description: string;
  rule: unknown;
  data?: unknown;
  result?: unknown;
  error?: unknown;
  decimal?: boolean;
}

/** Measured pass count; the test fails if it drops below (raise it when support improves). */
const MIN_COMPAT_PASS = 773;

function equal(a: unknown, b: unknown, decimal: boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return decimal ? Math.abs(a - b) < 1e-9 : a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i], decimal));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], decimal));
  }
  return a === b;
}

type Outcome = { kind: 'value'; value: unknown } | { kind: 'error'; message: string } | { kind: 'unsupported'; ops: string[] };

function ours(c: CompatCase): Outcome {
  try {
    const compiled = engine.compile(c.rule);
    const r = engine.evaluate(compiled, (c.data ?? null) as object);
    return r.error !== undefined ? { kind: 'error', message: r.error } : { kind: 'value', value: r.value };
  } catch (err) {
    if (err instanceof RuleValidationError) {
      const ops = err.problems.filter((p) => p.code === 'UNKNOWN_OPERATOR').map((p) => /"(.*)"/.exec(p.message)?.[1] ?? '?');
      if (ops.length) return { kind: 'unsupported', ops: [...new Set(ops)] };
      return { kind: 'error', message: err.message };
    }
    return { kind: 'error', message: String(err) };
  }
}

function reference(c: CompatCase): Outcome {
  try {
    return { kind: 'value', value: jsonLogic.apply(c.rule as jsonLogic.RulesLogic, c.data ?? null) };
  } catch (err) {
    const m = /Unrecognized operation (\S+)/.exec(String(err));
    if (m) return { kind: 'unsupported', ops: [m[1]!] };
    return { kind: 'error', message: String(err) };
  }
}

function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? 'undefined';
}

function passes(c: CompatCase, o: Outcome): boolean {
  if ('error' in c) return o.kind === 'error';
  return o.kind === 'value' && equal(o.value, c.result, c.decimal === true);
}

function reason(c: CompatCase, o: Outcome, ref: Outcome): string {
  if (o.kind === 'unsupported') return `operator not supported (json-logic-js lacks it): ${o.ops.join(', ')}`;
  const refNote =
    ref.kind === 'unsupported'
      ? 'json-logic-js lacks an operator'
      : ref.kind === 'error'
        ? 'json-logic-js throws too'
        : passes(c, ref)
          ? 'json-logic-js passes'
          : o.kind === 'value' && ref.kind === 'value' && equal(o.value, ref.value, true)
            ? 'same as json-logic-js'
            : 'json-logic-js differs as well';
  if ('error' in c) return `expected an error, got a value (${refNote})`;
  if (o.kind === 'error') return `expected a value, got an error (${refNote})`;
  return `different result (${refNote})`;
}

describe('compat-tables suites (report)', () => {
  const dir = path.join(JSONLOGIC_DATA, 'compat-tables-suites');
  const files = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as string[];

  it('runs every suite, writes COMPAT.md and does not regress', () => {
    const perFile: { file: string; total: number; pass: number; refPass: number }[] = [];
    const failures = new Map<string, string[]>();
    let total = 0;
    let pass = 0;
    let refPassTotal = 0;
    for (const file of files) {
      const list = (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown[]).filter(
        (c): c is CompatCase => typeof c === 'object' && c !== null,
      );
      let p = 0;
      let rp = 0;
      for (const c of list) {
        const o = ours(c);
        const ref = reference(c);
        if (passes(c, ref)) rp++;
        if (passes(c, o)) {
          p++;
          continue;
        }
        const why = reason(c, o, ref);
        const got = o.kind === 'value' ? show(o.value) : o.kind === 'error' ? `error: ${o.message}` : 'unsupported';
        const want = 'error' in c ? `error ${JSON.stringify(c.error)}` : JSON.stringify(c.result);
        const line = `\`${file}\` — ${c.description}: \`${JSON.stringify(c.rule)}\` → expected ${want}, got ${got}`;
        failures.set(why, [...(failures.get(why) ?? []), line.length > 400 ? line.slice(0, 400) + '…' : line]);
      }
      perFile.push({ file, total: list.length, pass: p, refPass: rp });
      total += list.length;
      pass += p;
      refPassTotal += rp;
    }
    const lines = [
      '# JsonLogic compat-tables report (generated)',
      '',
      'Generated by `libs/rules/src/__tests__/conformance.test.ts` from `shared/data/jsonlogic/compat-tables-suites` (json-logic/compat-tables).',
      'Do not edit by hand: run `npx vitest run --project rules` to regenerate.',
      '',
      `**@redress/rules: ${pass} / ${total} cases pass** (json-logic-js 2.0.5 \`apply\`: ${refPassTotal} / ${total}).`,
      '',
      'Most failures are operators from the newer JsonLogic community spec (`val`, `??`, `try`, `throw`, `exists`, …) that json-logic-js does not have either; this engine follows json-logic-js semantics on purpose.',
      'Unlike json-logic-js, unknown operators are rejected when the rule is compiled, even inside branches that would not be evaluated (e.g. `{"and":[false,{"throw":"x"}]}`), so a few laziness cases that json-logic-js passes are reported as unsupported here.',
      '',
      '| Suite | Cases | @redress/rules | json-logic-js |',
      '| --- | ---: | ---: | ---: |',
      ...perFile.map((f) => `| ${f.file} | ${f.total} | ${f.pass} | ${f.refPass} |`),
      '',
      '## Failing cases by reason',
      '',
    ];
    for (const [why, list] of [...failures.entries()].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`### ${why} (${list.length})`, '', ...list.map((l) => `- ${l.replace(/\n/g, ' ')}`), '');
    }
    const report = lines.join('\n');
    const out = path.resolve(__dirname, '../../COMPAT.md');
    if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== report) fs.writeFileSync(out, report);
    console.log(`compat-tables: ${pass}/${total} pass (json-logic-js ${refPassTotal}/${total})`);
    expect(pass).toBeGreaterThanOrEqual(MIN_COMPAT_PASS);
  });
});
