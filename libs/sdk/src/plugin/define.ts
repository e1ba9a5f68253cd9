import type { OperatorDefinition } from '@redress/rules';
import type { ComplaintTypeDefinition, FieldDefinition, SlaPolicyDefinition } from '../policy/types';
import { PluginValidationError } from './errors';
import type { RedressEventName } from './events';
import { OPERATOR_NAME } from './keys';
import type {
  EventHandlerDefinition,
  PluginInput,
  PluginTemplate,
  PresetArgDefinitions,
  RedressPlugin,
  RulePreset,
  RulePresetDefinition,
  RuleSetName,
} from './types';
import { validatePlugin } from './validate';

/**
 * Declares a plugin. Validates it at once (a broken plugin fails where it is defined, with every problem listed)
 * and returns it with every list present.
 */
export function definePlugin(plugin: PluginInput): RedressPlugin {
  return validatePlugin(plugin);
}

/** A form field the plugin adds (values live in `complaint.form.<key>`). */
export function defineField(field: FieldDefinition): FieldDefinition {
  return field;
}

/** A complaint type; `fields` lists the plugin's field keys shown for it. */
export function defineComplaintType(type: ComplaintTypeDefinition): ComplaintTypeDefinition {
  return { active: true, ...type };
}

/** A reply template (话术, letter or notice); variables are checked against TEMPLATE_VARIABLES when the plugin loads. */
export function defineTemplate(template: PluginTemplate): PluginTemplate {
  return template;
}

export function defineSlaPolicy(policy: SlaPolicyDefinition): SlaPolicyDefinition {
  return policy;
}

/**
 * A configurable rule preset. `args` are typed and rendered by the console as a form; `rows(args)` receives the
 * argument values with their types inferred from `args`, and returns decision rows with local keys.
 */
export function defineRulePreset<const A extends PresetArgDefinitions, R extends RuleSetName>(
  preset: RulePresetDefinition<A, R>,
): RulePresetDefinition<A, R> & RulePreset {
  return preset as RulePresetDefinition<A, R> & RulePreset;
}

/**
 * A JSON-logic operator for the plugin's rules (registered into the host's rules engine). Give the full name
 * (`bank_card_tail`) or a local name plus a namespace (`{ namespace: 'bank' }` → `bank_card_tail`).
 */
export function defineOperator(operator: OperatorDefinition, options: { namespace?: string } = {}): OperatorDefinition {
  const name = options.namespace ? `${options.namespace}_${operator.name}` : operator.name;
  if (!OPERATOR_NAME.test(name)) {
    throw new PluginValidationError(`operator ${name}`, [
      { path: `operators[${name}]`, code: 'INVALID_OPERATOR', message: `operator name must match ${OPERATOR_NAME}` },
    ]);
  }
  return { ...operator, name };
}

/** A typed handler for one event, for handlers written in their own file: `on: { 'complaint.closed': onClosed }`. */
export function defineEventHandler<N extends RedressEventName>(_event: N, handler: EventHandlerDefinition<N>): EventHandlerDefinition<N> {
  return handler;
}
