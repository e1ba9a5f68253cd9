import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import raChineseMessages from './ra-zh-CN';
import { zhCN } from './zh-CN';
import { en } from './en';
import { DEFAULT_LOCALE } from './locale';

export const messages = {
  'zh-CN': { ...raChineseMessages, ...zhCN },
  en: { ...englishMessages, ...en },
};

/** Chinese first; English one click away (the language menu in the app bar and on the sign-in page). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? messages.en : messages['zh-CN']),
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: false },
);
