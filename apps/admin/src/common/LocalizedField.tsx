import { useLocaleState, useRecordContext } from 'react-admin';
import { localized } from '../i18n/locale';

/** Shows a policy `{zh, en}` text in the reader's language. */
export function LocalizedField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = source.split('.').reduce<any>((v, k) => v?.[k], record);
  return <span>{localized(value, locale === 'en' ? 'en' : 'zh-CN')}</span>;
}
