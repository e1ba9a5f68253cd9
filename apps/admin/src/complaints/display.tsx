import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { Box, Chip, Typography } from '@mui/material';
import { gql } from '../graphql/client';
import { localized, type Locale } from '../i18n/locale';
import { usePublishedPolicy } from './publishedPolicy';
import { workflowFor, type WorkflowDefinition } from '../policy/workflows/model';

/**
 * What a complaint screen shows instead of raw keys and ISO text (issue 20 "Chinese everywhere"): policy keys as
 * the policy's names in the reader's language, instants in the reader's locale and the tenant's time zone, and
 * the "why" of a decision rendered from its structured trace with the keywords that matched.
 */

/** The tenant's time zone (`currentTenant`, open to every role); Asia/Shanghai until it is known. */
export function useTenantTimeZone(): string {
  const tenant = useQuery({
    queryKey: ['currentTenantTimeZone'],
    queryFn: () => gql<{ currentTenant: { timeZone: string } }>('query ConsoleTimeZone { currentTenant { timeZone } }'),
    staleTime: 10 * 60_000,
  });
  return tenant.data?.currentTenant.timeZone || 'Asia/Shanghai';
}

/** An instant as the reader reads dates (zh-CN: 2026/11/30 14:05), in the tenant's time zone. */
export function formatInstant(value: unknown, locale: Locale | string, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  try {
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** Formats instants for the current reader: `const when = useInstantFormat(); when(record.receivedAt)`. */
export function useInstantFormat(): (value: unknown) => string {
  const [locale] = useLocaleState();
  const timeZone = useTenantTimeZone();
  return (value) => formatInstant(value, locale, timeZone);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
export const isIsoInstant = (value: unknown): value is string => typeof value === 'string' && ISO.test(value);

type Named = { key: string; name?: { zh?: string; en?: string } | string };
const nameIn = (items: Named[] | undefined, key: unknown, locale: Locale): string | undefined => {
  const item = items?.find((i) => i.key === key);
  return item?.name ? localized(item.name, locale) : undefined;
};

/**
 * A complaint state's name: from the workflow the policy defines for the complaint's type (a designed state such as
 * 法务审核 has no built-in name), else from any workflow of the policy naming it, else the console's own name of a
 * built-in state, else the key. Policies without workflows of their own keep the console's names.
 */
export function stateName(
  policy: { workflows?: WorkflowDefinition[]; complaintTypes?: any[] } | null | undefined,
  key: unknown,
  typeKey: string | null | undefined,
  locale: Locale,
  translate: (key: string, options?: any) => string,
): string {
  if (key == null || key === '') return '';
  const own = policy?.workflows ?? [];
  if (own.length) {
    const workflow = workflowFor({ workflows: own, complaintTypes: policy?.complaintTypes ?? [] }, typeKey);
    const state = [workflow, ...own].map((w) => w.states.find((s) => s.key === key)).find(Boolean);
    if (state && own.includes(workflow)) return localized(state.name, locale) || String(key);
    if (state && !translate(`app.enum.${key}`, { _: '' })) return localized(state.name, locale) || String(key);
  }
  return translate(`app.enum.${key}`, { _: String(key) });
}

/** Names of the published policy's channels, departments, teams, types, severities, SLA plans and states by key. */
export function usePolicyNames() {
  const policy = usePublishedPolicy().data as any;
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const loc = (locale === 'en' ? 'en' : 'zh-CN') as Locale;
  const of =
    (collection: string) =>
    (key: unknown): string =>
      key == null || key === '' ? '' : (nameIn(policy?.[collection], key, loc) ?? String(key));
  return {
    channel: of('channels'),
    department: of('departments'),
    team: of('teams'),
    type: of('complaintTypes'),
    severity: of('severityLevels'),
    slaPolicy: of('slaPolicies'),
    /** `state(complaint.state, complaint.type)`: the name in the workflow the complaint's type follows. */
    state: (key: unknown, typeKey?: string | null) => stateName(policy, key, typeKey, loc, translate),
  };
}

/** A node of a decision's structured trace (the API's `Decision.trace`). */
export interface TraceNode {
  op: string;
  value?: unknown;
  textLength?: number;
  matched?: string[];
  args?: TraceNode[];
}

const COMPARISON: Record<string, string> = { '==': '=', '===': '=', '!=': '≠', '!==': '≠', '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** The rule's facts by path in the reader's words (`customer.complaintsLast30Days` → 客户近30天投诉数). */
function factLabel(path: string, translate: ReturnType<typeof useTranslate>): string {
  return translate(`app.facts.${path.replace(/\./g, '_')}`, { _: path });
}

/** One node in words; operators the console does not know keep their name and their value. */
function nodeText(node: TraceNode, translate: ReturnType<typeof useTranslate>, valueText: (v: unknown) => string): string {
  const args = node.args ?? [];
  if (node.op === 'value') return valueText(node.value);
  if (node.op === 'var') {
    const path = String(args[0]?.value ?? '');
    const value = node.textLength !== undefined ? translate('app.why.text_of_length', { length: node.textLength }) : valueText(node.value);
    return `${factLabel(path, translate)}（${value}）`;
  }
  if (node.matched) {
    const subject = args[0] ? nodeText(args[0], translate, valueText) : '';
    return node.matched.length
      ? translate('app.why.keywords_found', { subject, keywords: node.matched.map((k) => `“${k}”`).join('、') })
      : translate('app.why.keywords_none', { subject });
  }
  if (COMPARISON[node.op] && args.length === 2)
    return `${nodeText(args[0], translate, valueText)} ${COMPARISON[node.op]} ${nodeText(args[1], translate, valueText)}`;
  if (node.op === 'and' || node.op === 'or') {
    const parts = args.filter((a) => (node.op === 'or' ? a.value === true || typeof a.value !== 'boolean' : true));
    return parts.map((a) => nodeText(a, translate, valueText)).join(translate(node.op === 'and' ? 'app.why.and' : 'app.why.or'));
  }
  if (node.op === '!' && args.length === 1) return translate('app.why.not', { what: nodeText(args[0], translate, valueText) });
  const label = translate(`app.operators.${node.op}`, { _: node.op });
  return `${label}（${args.map((a) => nodeText(a, translate, valueText)).join('，')}）`;
}

/** Every keyword match in a trace, for the chips under the explanation. */
function keywordMatches(node: TraceNode): string[] {
  return [...(node.matched ?? []), ...(node.args ?? []).flatMap(keywordMatches)];
}

/** "Why": the matched row's trace in the reader's language, with the keywords that matched as chips. */
export function TraceExplanation({ trace }: { trace: TraceNode }) {
  const translate = useTranslate();
  const valueText = (v: unknown): string => {
    if (v === true) return translate('app.why.yes');
    if (v === false) return translate('app.why.no');
    if (v === null || v === undefined) return translate('app.why.empty');
    if (Array.isArray(v)) return v.map((x) => valueText(x)).join('、');
    if (typeof v === 'string') return translate(`app.enum.${v}`, { _: v });
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const keywords = [...new Set(keywordMatches(trace))];
  return (
    <Box data-testid="decision-why">
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {translate('app.why.because', { reason: nodeText(trace, translate, valueText) })}
      </Typography>
      {keywords.length > 0 && (
        <Box sx={{ display: 'flex', gap: 0.5, mt: 0.5, flexWrap: 'wrap', alignItems: 'center' }} data-testid="decision-keywords">
          <Typography variant="caption" color="text.secondary">
            {translate('app.why.matched_keywords')}
          </Typography>
          {keywords.map((k) => (
            <Chip key={k} size="small" color="warning" label={k} />
          ))}
        </Box>
      )}
    </Box>
  );
}
