import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AuthErrors } from './auth.exception';

export const PASSWORD_MIN_LENGTH = 10;
/** zxcvbn score 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const PASSWORD_MIN_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;

/**
 * The policy for every password set through the API (not the demo seed): a minimum length, and a zxcvbn-ts
 * estimate against common passwords, keyboard patterns and the person's own e-mail and name.
 */
export function checkPasswordPolicy(password: string, userInputs: string[] = [], field = 'password'): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw AuthErrors.create('PASSWORD_TOO_SHORT', { field, params: { min: PASSWORD_MIN_LENGTH } });
  }
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  const inputs = userInputs.flatMap((value) => [value, ...value.split(/[@.\s_-]+/)]).filter((x) => x.length >= 3);
  const result = zxcvbn.check(password, inputs);
  if (result.score < PASSWORD_MIN_SCORE) {
    throw AuthErrors.create('PASSWORD_TOO_COMMON', { field, details: { score: result.score, suggestions: result.feedback.suggestions } });
  }
}
