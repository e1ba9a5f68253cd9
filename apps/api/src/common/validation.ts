import { ValidationError, ValidationPipe } from '@nestjs/common';
import { invalidInput, type FieldProblem } from './errors/app-error';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ field, code, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator on every input type; all problems at once, each with its field path. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: false,
  exceptionFactory: (errors) => {
    const problems = flatten(errors);
    const first = problems[0] ?? { field: 'input', message: 'invalid' };
    return invalidInput(first.field, problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  },
});
