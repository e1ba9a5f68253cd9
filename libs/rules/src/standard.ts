import type { FactType, OperatorArg, OperatorInfo } from './types';

/** Metadata of the json-logic standard operators as our engine supports them. */
export interface StandardOperator extends OperatorInfo {
  minArgs: number;
  maxArgs: number;
}

type A = [name: string, type: FactType, zh: string, en: string, flags?: 'optional' | 'variadic'];

function std(
  name: string,
  category: string,
  zh: string,
  en: string,
  returns: FactType,
  args: A[],
  minArgs: number,
  maxArgs = Infinity,
): StandardOperator {
  const mapped: OperatorArg[] = args.map(([n, type, azh, aen, flag]) => ({
    name: n,
    type,
    description: { zh: azh, en: aen },
    ...(flag === 'optional' ? { optional: true } : {}),
    ...(flag === 'variadic' ? { variadic: true } : {}),
  }));
  return { name, category, description: { zh, en }, returns, args: mapped, builtin: true, standard: true, minArgs, maxArgs };
}

const VAL: A = ['value', 'any', '值', 'value'];
const A2: A[] = [
  ['a', 'any', '左值', 'left operand'],
  ['b', 'any', '右值', 'right operand'],
];
const CMP3: A[] = [...A2, ['c', 'any', '第三个值（区间比较）', 'third operand (range test)', 'optional']];
const NUMS: A[] = [['values', 'any', '数值', 'numbers', 'variadic']];
const ITER: A[] = [
  ['array', 'any', '数组', 'array'],
  ['logic', 'any', '对每个元素执行的规则（var 指向元素）', 'rule applied to each element (var refers to the element)'],
];

export const STANDARD_OPERATORS: StandardOperator[] = [
  std(
    'var',
    'data',
    '读取事实字段（点号路径），可带默认值',
    'Read a fact by dotted path, with optional default',
    'any',
    [
      ['path', 'string', '点号路径', 'dotted path', 'optional'],
      ['default', 'any', '缺失时的默认值', 'value when missing', 'optional'],
    ],
    0,
    2,
  ),
  std(
    'missing',
    'data',
    '返回缺失（null 或空字符串）的字段路径',
    'Paths of facts that are missing (null or empty string)',
    'string[]',
    [['paths', 'string', '字段路径', 'paths', 'variadic']],
    1,
  ),
  std(
    'missing_some',
    'data',
    '至少需要 n 个字段时返回缺失字段',
    'Missing paths unless at least n are present',
    'string[]',
    [
      ['need', 'number', '最少数量', 'minimum present'],
      ['paths', 'string[]', '字段路径', 'paths'],
    ],
    2,
    2,
  ),
  std(
    'if',
    'logic',
    '条件分支：if/then/elseif/…/else',
    'Conditional: if, then, else-if…, else',
    'any',
    [['branches', 'any', '条件与结果交替', 'alternating conditions and results', 'variadic']],
    1,
  ),
  std(
    '?:',
    'logic',
    '三元运算',
    'Ternary conditional',
    'any',
    [
      ['condition', 'any', '条件', 'condition'],
      ['then', 'any', '为真时', 'if truthy'],
      ['else', 'any', '为假时', 'if falsy'],
    ],
    3,
    3,
  ),
  std(
    'and',
    'logic',
    '逻辑与（返回第一个假值或最后一个值）',
    'Logical and (first falsy value or last)',
    'any',
    [['values', 'any', '条件', 'conditions', 'variadic']],
    1,
  ),
  std(
    'or',
    'logic',
    '逻辑或（返回第一个真值或最后一个值）',
    'Logical or (first truthy value or last)',
    'any',
    [['values', 'any', '条件', 'conditions', 'variadic']],
    1,
  ),
  std('!', 'logic', '逻辑非', 'Logical not', 'boolean', [VAL], 1, 1),
  std('!!', 'logic', '转为布尔值（空数组为假）', 'Cast to boolean (empty array is false)', 'boolean', [VAL], 1, 1),
  std('==', 'comparison', '宽松相等', 'Loose equality', 'boolean', A2, 2, 2),
  std('===', 'comparison', '严格相等', 'Strict equality', 'boolean', A2, 2, 2),
  std('!=', 'comparison', '宽松不等', 'Loose inequality', 'boolean', A2, 2, 2),
  std('!==', 'comparison', '严格不等', 'Strict inequality', 'boolean', A2, 2, 2),
  std('>', 'comparison', '大于', 'Greater than', 'boolean', A2, 2, 2),
  std('>=', 'comparison', '大于等于', 'Greater than or equal', 'boolean', A2, 2, 2),
  std('<', 'comparison', '小于（三个参数时为开区间）', 'Less than (exclusive range with three arguments)', 'boolean', CMP3, 2, 3),
  std(
    '<=',
    'comparison',
    '小于等于（三个参数时为闭区间）',
    'Less than or equal (inclusive range with three arguments)',
    'boolean',
    CMP3,
    2,
    3,
  ),
  std('+', 'arithmetic', '求和（字符串转为数字）', 'Sum (casts strings to numbers)', 'number', NUMS, 1),
  std(
    '-',
    'arithmetic',
    '相减或取负',
    'Subtract, or negate with one argument',
    'number',
    [
      ['a', 'number', '被减数', 'minuend'],
      ['b', 'number', '减数', 'subtrahend', 'optional'],
    ],
    1,
    2,
  ),
  std('*', 'arithmetic', '乘积', 'Product', 'number', NUMS, 1),
  std(
    '/',
    'arithmetic',
    '相除',
    'Divide',
    'number',
    [
      ['a', 'number', '被除数', 'dividend'],
      ['b', 'number', '除数', 'divisor'],
    ],
    2,
    2,
  ),
  std(
    '%',
    'arithmetic',
    '取余',
    'Remainder',
    'number',
    [
      ['a', 'number', '被除数', 'dividend'],
      ['b', 'number', '除数', 'divisor'],
    ],
    2,
    2,
  ),
  std('min', 'arithmetic', '最小值', 'Minimum', 'number', NUMS, 1),
  std('max', 'arithmetic', '最大值', 'Maximum', 'number', NUMS, 1),
  std(
    'in',
    'string',
    '子串包含或数组成员',
    'Substring of a string, or member of an array',
    'boolean',
    [
      ['needle', 'any', '要查找的值', 'value to find'],
      ['haystack', 'any', '字符串或数组', 'string or array'],
    ],
    2,
    2,
  ),
  std('cat', 'string', '拼接字符串', 'Concatenate strings', 'string', [['values', 'any', '值', 'values', 'variadic']], 1),
  std(
    'substr',
    'string',
    '截取子串（负数从末尾计）',
    'Substring (negative positions count from the end)',
    'string',
    [
      ['text', 'string', '文本', 'text'],
      ['start', 'number', '起始位置', 'start'],
      ['length', 'number', '长度', 'length', 'optional'],
    ],
    2,
    3,
  ),
  std(
    'merge',
    'array',
    '合并数组（展开一层）',
    'Merge arrays (flattens one level)',
    'any',
    [['values', 'any', '数组或值', 'arrays or values', 'variadic']],
    0,
  ),
  std('map', 'array', '对每个元素求值', 'Apply a rule to every element', 'any', ITER, 2, 2),
  std('filter', 'array', '保留规则为真的元素', 'Keep the elements for which the rule is truthy', 'any', ITER, 2, 2),
  std(
    'reduce',
    'array',
    '归约（var current / accumulator）',
    'Reduce (var current / accumulator)',
    'any',
    [...ITER, ['initial', 'any', '初始值', 'initial value', 'optional']],
    2,
    3,
  ),
  std('all', 'array', '所有元素满足（空数组为假）', 'Every element satisfies the rule (false for empty)', 'boolean', ITER, 2, 2),
  std('some', 'array', '存在元素满足', 'Some element satisfies the rule', 'boolean', ITER, 2, 2),
  std('none', 'array', '没有元素满足', 'No element satisfies the rule', 'boolean', ITER, 2, 2),
  std('log', 'misc', '原样返回参数（引擎中不打印日志）', 'Returns its argument (no console output in this engine)', 'any', [VAL], 1, 1),
];

export const STANDARD_BY_NAME: ReadonlyMap<string, StandardOperator> = new Map(STANDARD_OPERATORS.map((o) => [o.name, o]));

/** Operators whose second argument is evaluated against each array element. */
export const SCOPED_OPERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none']);
