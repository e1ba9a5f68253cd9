import { MAX_INPUT_LENGTH, safeRegExp } from './regex';
import { calendarOf, dateAdd, iso, localDate, nowMs, toMs, zoneOf } from './time';
import type { FactType, OperatorArg, OperatorDefinition } from './types';
import { toStr } from './values';

type A = [name: string, type: FactType, zh: string, en: string, flag?: 'optional' | 'variadic'];

function def(
  name: string,
  category: string,
  zh: string,
  en: string,
  returns: FactType,
  args: A[],
  fn: OperatorDefinition['fn'],
): OperatorDefinition {
  const mapped: OperatorArg[] = args.map(([n, type, azh, aen, flag]) => ({
    name: n,
    type,
    description: { zh: azh, en: aen },
    ...(flag === 'optional' ? { optional: true } : {}),
    ...(flag === 'variadic' ? { variadic: true } : {}),
  }));
  return { name, category, description: { zh, en }, returns, args: mapped, fn };
}

// ---------------------------------------------------------------- text helpers

/** NFKC + lower case: full-width / half-width and case insensitive ("ＡＢＣ" → "abc"). */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

let lastRaw = '';
let lastNorm = '';
function normCached(s: string): string {
  if (s === lastRaw) return lastNorm;
  const n = normalizeText(s.length > 100_000 ? s.slice(0, 100_000) : s);
  lastRaw = s;
  lastNorm = n;
  return n;
}

const keywordCache = new WeakMap<object, string[]>();
function keywords(v: unknown): string[] {
  if (typeof v === 'string') return v === '' ? [] : [normCached(v)];
  if (!Array.isArray(v)) return [];
  let k = keywordCache.get(v);
  if (!k) {
    k = [];
    for (const e of v) {
      if (typeof e === 'string' || typeof e === 'number') {
        const n = normalizeText(String(e));
        if (n !== '') k.push(n);
      }
    }
    keywordCache.set(v, k);
  }
  return k;
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.filter((e) => typeof e === 'string' || typeof e === 'number').join('\n');
  return null;
}

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

// ---------------------------------------------------------------- numbers

function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function roundHalfAway(x: number, decimals: number): number {
  const sign = x < 0 ? -1 : 1;
  const r = Number(Math.round(Number(Math.abs(x) + 'e' + decimals)) + 'e-' + decimals);
  return Number.isFinite(r) ? sign * r : sign * Math.round(Math.abs(x));
}

// ---------------------------------------------------------------- sets

function asList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  return [v];
}

function trimSlashes(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === '/') a++;
  while (b > a && s[b - 1] === '/') b--;
  return s.slice(a, b);
}

function isDescendant(path: unknown, ancestor: unknown): boolean {
  if (typeof path !== 'string') return false;
  const p = trimSlashes(path);
  for (const a of asList(ancestor)) {
    if (typeof a !== 'string') continue;
    const anc = trimSlashes(a);
    if (anc === '') return true;
    if (p === anc || (p.length > anc.length && p.startsWith(anc) && p[anc.length] === '/')) return true;
  }
  return false;
}

// ---------------------------------------------------------------- time

const HOUR = 3_600_000;
/** Calendars are caller code that may iterate day by day: spans beyond ~10 years yield null. */
export const MAX_WORKING_DAYS = 3660;

function duration(from: unknown, to: unknown, unitMs: number): number | null {
  const a = toMs(from);
  const b = toMs(to);
  if (a === null || b === null) return null;
  return (b - a) / unitMs;
}

const TS: A = ['time', 'datetime', '时间（ISO 字符串）', 'timestamp (ISO string)'];
const TZ: A = [
  'timeZone',
  'string',
  '时区（默认为上下文中的租户时区）',
  'time zone (defaults to the tenant zone in the context)',
  'optional',
];

export const BUILTIN_OPERATORS: OperatorDefinition[] = [
  // ---- time
  def(
    'now',
    'time',
    '评估上下文中的当前时间（不读取系统时钟）',
    'The evaluation instant from the context (never the wall clock)',
    'datetime',
    [],
    (ctx) => iso(nowMs(ctx)),
  ),
  def(
    'duration_minutes',
    'time',
    '两个时间之间的分钟数（to − from）',
    'Minutes between two timestamps (to − from)',
    'number',
    [
      ['from', 'datetime', '开始时间', 'start'],
      ['to', 'datetime', '结束时间', 'end'],
    ],
    (_c, a, b) => duration(a, b, 60_000),
  ),
  def(
    'duration_hours',
    'time',
    '两个时间之间的小时数（to − from）',
    'Hours between two timestamps (to − from)',
    'number',
    [
      ['from', 'datetime', '开始时间', 'start'],
      ['to', 'datetime', '结束时间', 'end'],
    ],
    (_c, a, b) => duration(a, b, HOUR),
  ),
  def(
    'duration_days',
    'time',
    '两个时间之间的天数（24 小时制，to − from）',
    'Days (of 24 h) between two timestamps (to − from)',
    'number',
    [
      ['from', 'datetime', '开始时间', 'start'],
      ['to', 'datetime', '结束时间', 'end'],
    ],
    (_c, a, b) => duration(a, b, 24 * HOUR),
  ),
  def(
    'date_add',
    'time',
    '时间加减（单位：seconds/minutes/hours/days/weeks/months，按租户时区计日历）',
    'Add (or subtract, with a negative amount) seconds/minutes/hours/days/weeks/months; calendar units use the tenant zone',
    'datetime',
    [TS, ['amount', 'number', '数量（可为负）', 'amount (may be negative)'], ['unit', 'string', '单位', 'unit']],
    (ctx, t, amount, unit) => {
      const ms = toMs(t);
      const n = num(amount);
      if (ms === null || n === null || typeof unit !== 'string') return null;
      const r = dateAdd(ms, n, unit, zoneOf(ctx, undefined)!);
      return r === null ? null : iso(r);
    },
  ),
  def('hour_of_day', 'time', '租户时区中的小时（0–23）', 'Hour of day (0–23) in the tenant time zone', 'number', [TS, TZ], (ctx, t, tz) => {
    const ms = toMs(t);
    const zone = zoneOf(ctx, tz);
    if (ms === null || zone === null) return null;
    return localDate(ms, zone).getUTCHours();
  }),
  def(
    'weekday',
    'time',
    '租户时区中的星期（1=周一 … 7=周日）',
    'ISO weekday in the tenant time zone (1 = Monday … 7 = Sunday)',
    'number',
    [TS, TZ],
    (ctx, t, tz) => {
      const ms = toMs(t);
      const zone = zoneOf(ctx, tz);
      if (ms === null || zone === null) return null;
      return localDate(ms, zone).getUTCDay() || 7;
    },
  ),
  def(
    'is_before',
    'time',
    '时间 a 是否早于时间 b',
    'Whether timestamp a is before timestamp b',
    'boolean',
    [
      ['a', 'datetime', '时间 a', 'timestamp a'],
      ['b', 'datetime', '时间 b', 'timestamp b'],
    ],
    (_c, a, b) => {
      const x = toMs(a);
      const y = toMs(b);
      return x !== null && y !== null && x < y;
    },
  ),
  def(
    'is_after',
    'time',
    '时间 a 是否晚于时间 b',
    'Whether timestamp a is after timestamp b',
    'boolean',
    [
      ['a', 'datetime', '时间 a', 'timestamp a'],
      ['b', 'datetime', '时间 b', 'timestamp b'],
    ],
    (_c, a, b) => {
      const x = toMs(a);
      const y = toMs(b);
      return x !== null && y !== null && x > y;
    },
  ),
  def(
    'is_working_day',
    'time',
    '是否为工作日（使用上下文中的工作日历）',
    'Whether the day is a working day (calendar from the context)',
    'boolean',
    [TS],
    (ctx, t) => {
      const cal = calendarOf(ctx);
      const ms = toMs(t);
      return ms === null ? null : !!cal.isWorkingDay(new Date(ms));
    },
  ),
  def(
    'add_working_days',
    'time',
    '加上 n 个工作日（使用上下文中的工作日历）',
    'Add n working days (calendar from the context); |n| ≤ 3660',
    'datetime',
    [TS, ['days', 'number', '工作日数', 'working days']],
    (ctx, t, days) => {
      const cal = calendarOf(ctx);
      const ms = toMs(t);
      const n = num(days);
      if (ms === null || n === null || Math.abs(n) > MAX_WORKING_DAYS) return null;
      const r = cal.addWorkingDays(new Date(ms), Math.trunc(n));
      return r instanceof Date ? iso(r.getTime()) : null;
    },
  ),
  def(
    'working_days_between',
    'time',
    '两个时间之间的工作日数（使用上下文中的工作日历）',
    'Working days between two timestamps (calendar from the context); spans ≤ 3660 days',
    'number',
    [
      ['from', 'datetime', '开始时间', 'start'],
      ['to', 'datetime', '结束时间', 'end'],
    ],
    (ctx, a, b) => {
      const cal = calendarOf(ctx);
      const x = toMs(a);
      const y = toMs(b);
      if (x === null || y === null || Math.abs(y - x) > MAX_WORKING_DAYS * 24 * HOUR) return null;
      const r = cal.workingDaysBetween(new Date(x), new Date(y));
      return typeof r === 'number' && Number.isFinite(r) ? r : null;
    },
  ),
  // ---- text
  def(
    'contains_any',
    'text',
    '文本是否包含任一关键词（忽略大小写与全角/半角）',
    'Whether the text contains any keyword (case- and width-insensitive)',
    'boolean',
    [
      ['text', 'string', '文本', 'text'],
      ['keywords', 'string[]', '关键词列表', 'keywords'],
    ],
    (_c, text, list) => {
      const t = textOf(text);
      if (t === null) return false;
      const ks = keywords(list);
      if (ks.length === 0) return false;
      const n = normCached(t);
      for (const k of ks) if (n.includes(k)) return true;
      return false;
    },
  ),
  def(
    'contains_all',
    'text',
    '文本是否包含全部关键词（忽略大小写与全角/半角）',
    'Whether the text contains every keyword (case- and width-insensitive)',
    'boolean',
    [
      ['text', 'string', '文本', 'text'],
      ['keywords', 'string[]', '关键词列表', 'keywords'],
    ],
    (_c, text, list) => {
      const t = textOf(text);
      if (t === null) return false;
      const ks = keywords(list);
      if (ks.length === 0) return false;
      const n = normCached(t);
      for (const k of ks) if (!n.includes(k)) return false;
      return true;
    },
  ),
  def(
    'matches',
    'text',
    `线性时间正则匹配（RE2 引擎；模式须为字面量，不支持反向引用与前后断言；输入截断为 ${MAX_INPUT_LENGTH} 字符）`,
    `Linear-time regular-expression test (RE2 engine; literal pattern, no back-references or lookaround; input truncated to ${MAX_INPUT_LENGTH} chars)`,
    'boolean',
    [
      ['text', 'string', '文本', 'text'],
      ['pattern', 'string', '正则表达式', 'pattern'],
      ['flags', 'string', '标志（i m s u）', 'flags (i m s u)', 'optional'],
    ],
    (_c, text, pattern, flags) => {
      const t = textOf(text);
      const re = safeRegExp(toStr(pattern), typeof flags === 'string' ? flags : '');
      if (t === null) return false;
      return re.test(t.length > MAX_INPUT_LENGTH ? t.slice(0, MAX_INPUT_LENGTH) : t);
    },
  ),
  def(
    'length',
    'text',
    '字符串长度（按 Unicode 字符）或数组长度；其他为 null',
    'Length of a string (code points) or array; null otherwise',
    'number',
    [['value', 'any', '字符串或数组', 'string or array']],
    (_c, v) => {
      if (typeof v === 'string') return codePointLength(v);
      if (Array.isArray(v)) return v.length;
      return null;
    },
  ),
  def(
    'normalize_text',
    'text',
    '文本规范化（NFKC + 小写）',
    'Normalise text (NFKC + lower case)',
    'string',
    [['text', 'string', '文本', 'text']],
    (_c, v) => {
      const t = textOf(v);
      return t === null ? null : normCached(t);
    },
  ),
  // ---- sets and taxonomy
  def(
    'intersects',
    'set',
    '两个列表是否有共同元素',
    'Whether two lists share an element',
    'boolean',
    [
      ['a', 'any', '列表 a', 'list a'],
      ['b', 'any', '列表 b', 'list b'],
    ],
    (_c, a, b) => {
      const x = asList(a);
      const y = asList(b);
      if (x.length * y.length > 1024) {
        const s = new Set(y);
        return x.some((e) => s.has(e));
      }
      for (const e of x) if (y.includes(e)) return true;
      return false;
    },
  ),
  def(
    'in_list',
    'set',
    '值是否在列表中（严格相等）',
    'Whether the value is in the list (strict equality)',
    'boolean',
    [VALUE(), ['list', 'any', '列表', 'list']],
    (_c, v, list) => asList(list).includes(v),
  ),
  def(
    'is_descendant_of',
    'set',
    '分类路径是否为祖先路径本身或其后代（如 service/attitude/rude 属于 service）',
    'Whether a category path equals or descends from an ancestor path (service/attitude/rude is under service)',
    'boolean',
    [
      ['path', 'string', '分类路径', 'category path'],
      ['ancestor', 'any', '祖先路径（或路径列表）', 'ancestor path (or list of paths)'],
    ],
    (_c, p, a) => isDescendant(p, a),
  ),
  // ---- numbers
  def(
    'between',
    'number',
    '数值是否在闭区间 [min, max] 内',
    'Whether a number lies in the inclusive range [min, max]',
    'boolean',
    [
      ['value', 'number', '数值', 'value'],
      ['min', 'number', '下限', 'lower bound'],
      ['max', 'number', '上限', 'upper bound'],
    ],
    (_c, v, lo, hi) => {
      const x = num(v);
      const a = num(lo);
      const b = num(hi);
      return x !== null && a !== null && b !== null && x >= a && x <= b;
    },
  ),
  def(
    'round',
    'number',
    '四舍五入到 n 位小数（默认 0）',
    'Round half away from zero to n decimals (default 0)',
    'number',
    [
      ['value', 'number', '数值', 'value'],
      ['decimals', 'number', '小数位数（0–15）', 'decimals (0–15)', 'optional'],
    ],
    (_c, v, d) => {
      const x = num(v);
      if (x === null) return null;
      const n = d === undefined || d === null ? 0 : num(d);
      if (n === null) return null;
      return roundHalfAway(x, Math.min(15, Math.max(0, Math.trunc(n))));
    },
  ),
];

function VALUE(): A {
  return ['value', 'any', '值', 'value'];
}
