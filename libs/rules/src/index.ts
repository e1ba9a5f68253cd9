export * from './types';
export { RuleEngine, CompiledRule, CompiledTable, defaultEngine } from './engine';
export type { CompileOptions, CompiledRow } from './engine';
export { RuleValidationError, RuleEvaluationError } from './errors';
export { summarizeTrace, explainableTrace, type ExplainedTrace } from './trace';
export { renderOperatorTable } from './docs';
export { normalizeText } from './builtins';
export {
  checkRegex,
  safeRegExp,
  UnsafeRegexError,
  type SafeRegExp,
  MAX_INPUT_LENGTH as MAX_REGEX_INPUT_LENGTH,
  MAX_PATTERN_LENGTH as MAX_REGEX_PATTERN_LENGTH,
} from './regex';
export { truthy } from './values';
