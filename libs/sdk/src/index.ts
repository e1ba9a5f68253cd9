export * from './policy';
export * from './plugin';

// What plugins need from the rules engine, so a plugin depends on @redress/sdk alone.
export { RuleEngine, defaultEngine, summarizeTrace } from '@redress/rules';
export type {
  DecisionRow,
  DecisionTable,
  EvaluationContext,
  FactField,
  FactSchema,
  FactType,
  JsonLogicRule,
  OperatorArg,
  OperatorDefinition,
  RuleProblem,
  TableResult,
} from '@redress/rules';
