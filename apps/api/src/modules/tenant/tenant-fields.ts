import { TenantErrors } from './tenant.exception';
import { isValidNumberPattern } from '../complaint/numbering';

export const TENANT_LOCALES = ['zh-CN', 'en'];
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])$/;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Checks the tenant fields a platform operator or a tenant admin may set; throws the first coded problem. */
export function validateTenantFields(input: {
  name?: string;
  slug?: string;
  timeZone?: string;
  locale?: string;
  numberPattern?: string;
}): void {
  if (input.name !== undefined && !input.name.trim()) throw TenantErrors.create('NAME_REQUIRED', { field: 'name' });
  if (input.slug !== undefined && !SLUG.test(input.slug)) throw TenantErrors.create('TENANT_SLUG_INVALID', { field: 'slug' });
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) throw TenantErrors.create('TIME_ZONE_INVALID', { field: 'timeZone' });
  if (input.locale !== undefined && !TENANT_LOCALES.includes(input.locale))
    throw TenantErrors.create('LOCALE_INVALID', { field: 'locale' });
  if (input.numberPattern !== undefined && !isValidNumberPattern(input.numberPattern)) {
    throw TenantErrors.create('NUMBER_PATTERN_INVALID', { field: 'numberPattern' });
  }
}
