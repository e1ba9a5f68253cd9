import { dateTimeFormat } from '../../common/date-format';
/** Renders `{{ path }}` variables; unknown or empty variables render as an empty string (validated at save time). */
export function renderTemplate(body: string, variables: Record<string, unknown>): string {
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, path: string) => {
    const value = path
      .split('.')
      .reduce<unknown>((acc, part) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[part] : undefined), variables);
    return value === undefined || value === null ? '' : String(value);
  });
}

/** Formats an instant for a letter in the tenant's zone: 2026年11月25日 18:00. */
export function formatLocalDateTime(at: Date | null | undefined, timeZone: string): string {
  if (!at) return '';
  const parts = dateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}
