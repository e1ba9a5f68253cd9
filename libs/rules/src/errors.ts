import type { RuleProblem } from './types';

/** Thrown by `compile`/`compileTable` for rules that cannot be compiled. */
export class RuleValidationError extends Error {
  readonly problems: RuleProblem[];
  constructor(problems: RuleProblem[], message?: string) {
    super(
      message ??
        `Invalid rule: ${problems
          .slice(0, 5)
          .map((p) => `${p.path} ${p.code}: ${p.message}`)
          .join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`,
    );
    this.name = 'RuleValidationError';
    this.problems = problems;
  }
}

/** Raised during evaluation (missing context, resource limits); turned into `result.error`. */
export class RuleEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleEvaluationError';
  }
}
