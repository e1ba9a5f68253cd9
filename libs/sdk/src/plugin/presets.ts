import type { DecisionRow } from '@redress/rules';
import { PluginValidationError, type PluginProblem } from './errors';
import type { PresetArgDefinition, PresetArgDefinitions, RulePreset } from './types';

function argProblem(definition: PresetArgDefinition, value: unknown): string | null {
  switch (definition.type) {
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number';
      if (definition.min !== undefined && value < definition.min) return `must be at least ${definition.min}`;
      if (definition.max !== undefined && value > definition.max) return `must be at most ${definition.max}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'must be a list of strings';
    case 'select': {
      const allowed = (definition.options ?? []).map((o) => o.value);
      return typeof value === 'string' && allowed.includes(value) ? null : `must be one of ${allowed.join(', ')}`;
    }
    default:
      return `has an unknown argument type "${String((definition as { type: unknown }).type)}"`;
  }
}

/**
 * Merges given argument values over the defaults and checks each against its definition (type, range, options).
 * Unknown argument names are problems too, so a typo in an admin's saved arguments does not pass silently.
 */
export function resolveArgs(
  definitions: PresetArgDefinitions,
  given: Record<string, unknown> = {},
  path = 'args',
): { values: Record<string, unknown>; problems: PluginProblem[] } {
  const problems: PluginProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const value = Object.prototype.hasOwnProperty.call(given, name) && given[name] !== undefined ? given[name] : definition.default;
    const problem = argProblem(definition, value);
    if (problem) problems.push({ path: `${path}.${name}`, code: 'INVALID_ARGUMENT', message: `${name} ${problem}` });
    values[name] = Array.isArray(value) ? [...value] : value;
  }
  for (const name of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(definitions, name)) {
      problems.push({ path: `${path}.${name}`, code: 'UNKNOWN_ARGUMENT', message: `unknown argument "${name}"` });
    }
  }
  return { values, problems };
}

/** The rows a preset builds for these arguments, keys prefixed by the preset code (`bank.severity.urgent_media`). */
export function presetRows(preset: RulePreset, values: Record<string, unknown>): DecisionRow<unknown>[] {
  return preset.rows(values).map((row) => ({ ...row, key: `${preset.code}.${row.key}` }));
}

/**
 * Validates the arguments (defaults filled in) and returns the preset's decision rows with stable keys prefixed by
 * the plugin id (preset codes start with it). Throws {@link PluginValidationError} listing every bad argument.
 */
export function instantiatePreset(preset: RulePreset, args: Record<string, unknown> = {}): DecisionRow<unknown>[] {
  const { values, problems } = resolveArgs(preset.args, args, `rulePresets[${preset.code}].args`);
  if (problems.length) throw new PluginValidationError(`arguments of preset ${preset.code}`, problems);
  return presetRows(preset, values);
}
