export type Locale = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** react-admin keeps the chosen language in its store (localStorage key `RaStore.locale`). */
export function currentLocale(): Locale {
  try {
    const stored = JSON.parse(localStorage.getItem('RaStore.locale') ?? 'null');
    return stored === 'en' ? 'en' : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Picks the reader's language from a policy's `{zh, en}` text. */
export function localized(text: { zh?: string; en?: string } | string | null | undefined, locale: Locale = currentLocale()): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return (locale === 'en' ? text.en || text.zh : text.zh || text.en) ?? '';
}
