import { useQuery } from '@tanstack/react-query';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import type { Field, Operator } from 'react-querybuilder';
import { callOperation, loadSchema } from '../graphql/schema';
import { localized, type Locale } from '../i18n/locale';
import { namedOperators, STANDARD_BUILDER_OPERATORS, valueInputType, type ApiOperator } from './builderOperators';

export interface FactField {
  type: string;
  label?: { zh?: string; en?: string } | string;
  options?: (string | { value: string; label?: { zh?: string; en?: string } })[];
}
export interface RuleOperatorInfo extends ApiOperator {
  name: string;
  label?: { zh?: string; en?: string } | string;
  description?: { zh?: string; en?: string } | string;
  source?: string;
}

async function fetchFactSchema(): Promise<Record<string, FactField> | null> {
  const schema = await loadSchema();
  if (!schema.queries.has('policyFactSchema')) return null;
  const value = await callOperation<any>('query', 'policyFactSchema', {}, { depth: 3 });
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  if (parsed?.fields && !Array.isArray(parsed.fields)) return parsed.fields;
  // A typed list [{path, type, label…}] is accepted as well.
  const list = Array.isArray(parsed) ? parsed : parsed?.fields;
  if (Array.isArray(list)) return Object.fromEntries(list.map((f: any) => [f.path ?? f.key ?? f.name, f]));
  return null;
}

async function fetchOperators(): Promise<RuleOperatorInfo[] | null> {
  const schema = await loadSchema();
  if (!schema.queries.has('ruleOperators')) return null;
  const value = await callOperation<any>('query', 'ruleOperators', {}, { depth: 2 });
  const list = typeof value === 'string' ? JSON.parse(value) : value;
  return (list ?? []).map((op: any) => ({
    ...op,
    name: op.name ?? op.key ?? op.operator,
    label: op.label ?? op.description ?? (op.labelZh ? { zh: op.labelZh, en: op.labelEn } : undefined),
  }));
}

const INPUT_TYPE: Record<string, string> = { number: 'number', date: 'date', datetime: 'datetime-local', boolean: 'checkbox' };

/**
 * What a rule may read and how it may compare: the fact schema (`policyFactSchema`) and the registered operators
 * (`ruleOperators`, plugin operators included), labelled in the reader's language. While the API lacks the fact
 * schema, the draft's own form fields are offered so the builder still works.
 */
export function useRuleVocabulary() {
  const translate = useTranslate();
  const [localeState] = useLocaleState();
  const locale: Locale = localeState === 'en' ? 'en' : 'zh-CN';
  const facts = useQuery({ queryKey: ['policyFactSchema'], queryFn: fetchFactSchema });
  const operators = useQuery({ queryKey: ['ruleOperators'], queryFn: fetchOperators });
  const { data: draftFields = [] } = useGetList('fields', { pagination: { page: 1, perPage: 1000 } }, { enabled: facts.data === null });

  const factFields: Record<string, FactField> =
    facts.data ??
    Object.fromEntries(
      draftFields.map((f: any) => [
        `complaint.form.${f.key}`,
        {
          type: f.type === 'number' || f.type === 'money' ? 'number' : f.type === 'boolean' ? 'boolean' : 'string',
          label: f.label,
          options: f.options,
        },
      ]),
    );

  const fields: Field[] = Object.entries(factFields).map(([path, fact]) => {
    const options = (fact.options ?? []).map((o) =>
      typeof o === 'string'
        ? { name: o, value: o, label: o }
        : { name: o.value, value: o.value, label: localized(o.label, locale) || o.value },
    );
    const label = localized(fact.label as any, locale) || path;
    return {
      name: path,
      value: path,
      label: `${label} · ${path}`,
      inputType: INPUT_TYPE[fact.type] ?? 'text',
      ...(options.length
        ? { valueEditorType: (operator: string) => (operator === 'in' || operator === 'notIn' ? 'multiselect' : 'select'), values: options }
        : {}),
      ...(fact.type === 'boolean'
        ? { valueEditorType: 'checkbox', operators: [{ name: '=', value: '=', label: translate('app.operators.=') }] }
        : {}),
    } as Field;
  });

  const apiOps = operators.data ?? [];
  const custom = namedOperators(apiOps);
  const ops: Operator[] = [
    ...STANDARD_BUILDER_OPERATORS.map((s) => {
      return { name: s.name, value: s.name, label: translate(`app.operators.${s.name}`) };
    }),
    ...custom.map((op) => ({
      name: op.name,
      value: op.name,
      label: `${localized(op.label as any, locale) || op.name}${op.source && op.source !== 'core' ? ` (${op.source})` : ''}`,
    })),
  ];
  const byName = new Map(custom.map((op) => [op.name, op]));
  /** Numeric arguments of a named operator get a number box; keyword lists are typed as text separated by commas. */
  const getInputType = (field: string, operator: string) =>
    byName.has(operator) ? valueInputType(byName.get(operator)) : ((fields.find((f) => f.name === field) as any)?.inputType ?? 'text');

  return {
    fields,
    operators: ops,
    customOperators: custom.map((op) => ({ name: op.name, args: op.args })),
    getInputType,
    customOperatorInfo: custom,
    factSchemaAvailable: facts.data !== null && facts.data !== undefined,
    operatorsAvailable: operators.data !== null && operators.data !== undefined,
    isPending: facts.isPending || operators.isPending,
  };
}
