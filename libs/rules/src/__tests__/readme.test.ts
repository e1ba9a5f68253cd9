import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEngine, renderOperatorTable } from '../index';

export const README = path.resolve(__dirname, '../../README.md');
export const START =
  '<!-- operators:start (generated from listOperators(); run `UPDATE_README=1 npx vitest run --project rules` or `npx tsx libs/rules/scripts/gen-readme.ts`) -->';
export const END = '<!-- operators:end -->';

describe('README', () => {
  it('documents every registered operator (table generated from listOperators())', () => {
    const text = fs.readFileSync(README, 'utf8');
    const a = text.indexOf(START);
    const b = text.indexOf(END);
    expect(a, 'README is missing the operators markers').toBeGreaterThanOrEqual(0);
    const expected = renderOperatorTable(defaultEngine.listOperators());
    const current = text.slice(a + START.length, b).trim();
    if (current !== expected && process.env['UPDATE_README'] === '1') {
      fs.writeFileSync(README, text.slice(0, a + START.length) + '\n' + expected + '\n' + text.slice(b));
      return;
    }
    expect(current, 'README operator table is out of date: run UPDATE_README=1 npx vitest run --project rules').toBe(expected);
  });
});
