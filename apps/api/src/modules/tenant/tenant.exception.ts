import { defineErrors } from '../../common/errors/app-error';

export const TenantErrors = defineErrors({
  TENANT_SLUG_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '租户标识只能包含小写字母、数字和连字符（2–64 个字符）',
    en: 'The tenant slug may hold lowercase letters, digits and hyphens (2–64 characters)',
  },
  TENANT_SLUG_TAKEN: { category: 'CONFLICT', zh: '该租户标识已被使用', en: 'A tenant with this slug already exists' },
  TIME_ZONE_INVALID: { category: 'BAD_USER_INPUT', zh: '未知的时区', en: 'Unknown time zone' },
  LOCALE_INVALID: { category: 'BAD_USER_INPUT', zh: '不支持的语言（zh-CN 或 en）', en: 'Unsupported locale (zh-CN or en)' },
  NUMBER_PATTERN_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '编号规则需包含 {YY} 或 {YYYY}、{MM} 和 {SEQ:n}',
    en: 'The number pattern needs {YY} or {YYYY}, {MM} and {SEQ:n}',
  },
  NAME_REQUIRED: { category: 'BAD_USER_INPUT', zh: '名称不能为空', en: 'The name must not be empty' },
});
