/** Regenerates the operator table in libs/rules/README.md from `listOperators()`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultEngine, renderOperatorTable } from '../src/index';

const README = path.resolve(__dirname, '../README.md');
const START = '<!-- operators:start';
const END = '<!-- operators:end -->';
const text = fs.readFileSync(README, 'utf8');
const a = text.indexOf(START);
const lineEnd = text.indexOf('\n', a);
const b = text.indexOf(END);
if (a < 0 || b < 0) throw new Error('README markers not found');
fs.writeFileSync(README, text.slice(0, lineEnd + 1) + renderOperatorTable(defaultEngine.listOperators()) + '\n' + text.slice(b));
console.log('README operator table updated');
