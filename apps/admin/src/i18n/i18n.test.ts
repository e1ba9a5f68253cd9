import englishMessages from 'ra-language-english';
import raChineseMessages from './ra-zh-CN';
import { zhCN } from './zh-CN';
import { en } from './en';

/** Every leaf key of a message tree, dotted. */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort();
const valueAt = (tree: any, key: string) => key.split('.').reduce((v, k) => v?.[k], tree);

describe('console messages', () => {
  it('has every Chinese key in English and every English key in Chinese', () => {
    const zh = leafKeys(zhCN);
    const english = leafKeys(en);
    expect(english.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !english.includes(k))).toEqual([]);
  });

  it('uses the same %{placeholders} in both languages', () => {
    const mismatched = leafKeys(zhCN).filter(
      (key) => placeholders(valueAt(zhCN, key)).join() !== placeholders(valueAt(en, key) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has no empty message', () => {
    expect(leafKeys(zhCN).filter((k) => !String(valueAt(zhCN, k)).trim())).toEqual([]);
    expect(leafKeys(en).filter((k) => !String(valueAt(en, k)).trim())).toEqual([]);
  });

  it('translates every react-admin interface message into Chinese', () => {
    const raKeys = leafKeys(englishMessages);
    const zhKeys = leafKeys(raChineseMessages);
    expect(raKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });
});
