import type { OperatorInfo } from './types';

function argSig(info: OperatorInfo): string {
  return info.args.map((a) => `${a.variadic ? '...' : ''}${a.name}${a.optional ? '?' : ''}: ${a.type}`).join(', ');
}

/** Markdown table of operators, generated from `listOperators()` (kept in README.md). */
export function renderOperatorTable(ops: OperatorInfo[]): string {
  const lines = ['| Operator | Category | Signature | Description (en) | 说明 (zh) |', '| --- | --- | --- | --- | --- |'];
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  for (const o of ops) {
    lines.push(
      `| \`${esc(o.name)}\` | ${o.category} | \`(${esc(argSig(o))}) → ${o.returns}\` | ${esc(o.description.en)} | ${esc(o.description.zh)} |`,
    );
  }
  return lines.join('\n');
}
