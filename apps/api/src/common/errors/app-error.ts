import { GraphQLError } from 'graphql';

export interface LocalizedMessage {
  zh: string;
  en: string;
}

/** The generic codes every client can rely on (Apollo's names where Apollo has one). */
export const GENERIC_CODES = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** The service cannot do the work right now (database down, shutting down); `extensions.retryable` says to retry. */
  UNAVAILABLE: 'UNAVAILABLE',
  /** The request ran out of its time budget. */
  TIMEOUT: 'TIMEOUT',
  INTERNAL: 'INTERNAL',
} as const;

export interface FieldProblem {
  /** Path of the offending input field, e.g. `input.complainant.phone`. */
  field: string;
  code: string;
  /** English. */
  message: string;
  /** The message in each language, when the problem has them (clients show the reader's). */
  messages?: { 'zh-CN': string; en: string };
}

export interface AppErrorOptions {
  /** The offending input field (dotted path). */
  field?: string;
  /** All field problems when several inputs are wrong at once. */
  problems?: FieldProblem[];
  /** The generic class this error belongs to (drives `extensions.code`). */
  category?: keyof typeof GENERIC_CODES;
  details?: Record<string, unknown>;
  /** Values substituted into `{name}` placeholders of the message. */
  params?: Record<string, string | number>;
  /** Whether the same request may succeed later (`extensions.retryable`). */
  retryable?: boolean;
  /** HTTP status for the whole response where the transport allows (Apollo reads `extensions.http`, never sent). */
  httpStatus?: number;
}

const interpolate = (text: string, params?: Record<string, string | number>) =>
  params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;

/**
 * A user-facing error. `extensions.code` is the generic class (BAD_USER_INPUT, FORBIDDEN, …) so clients can
 * branch on few codes; `extensions.reason` is the module's specific code (e.g. POLICY_RULE_INVALID).
 */
export class AppError extends GraphQLError {
  readonly reason: string;
  constructor(reason: string, messages: LocalizedMessage, options: AppErrorOptions = {}) {
    const category = options.category ?? 'BAD_USER_INPUT';
    super(interpolate(messages.en, options.params), {
      extensions: {
        code: GENERIC_CODES[category],
        reason,
        ...(options.field ? { field: options.field } : {}),
        ...(options.problems ? { problems: options.problems } : {}),
        ...(options.details ? { details: options.details } : {}),
        ...(options.retryable !== undefined ? { retryable: options.retryable } : {}),
        ...(options.httpStatus ? { http: { status: options.httpStatus } } : {}),
        messages: { 'zh-CN': interpolate(messages.zh, options.params), en: interpolate(messages.en, options.params) },
      },
    });
    this.reason = reason;
  }
}

export interface ErrorDefinition extends LocalizedMessage {
  category: keyof typeof GENERIC_CODES;
}

/**
 * Declares a module's typed error list. Usage:
 *   export const PolicyErrors = defineErrors({ RULE_INVALID: { category: 'BAD_USER_INPUT', zh: '…', en: '…' } });
 *   throw PolicyErrors.create('RULE_INVALID', { field: 'rows[0].when' });
 */
export function defineErrors<T extends Record<string, ErrorDefinition>>(definitions: T) {
  return {
    definitions,
    create(code: keyof T & string, options: Omit<AppErrorOptions, 'category'> = {}): AppError {
      const def = definitions[code];
      return new AppError(code, def, { ...options, category: def.category });
    },
  };
}

/** Errors shared by all modules. */
export const CommonErrors = defineErrors({
  UNAUTHENTICATED: { category: 'UNAUTHENTICATED', zh: '请先登录', en: 'Authentication required' },
  INVALID_CREDENTIALS: { category: 'UNAUTHENTICATED', zh: '邮箱或密码不正确', en: 'Invalid email or password' },
  TOKEN_INVALID: { category: 'UNAUTHENTICATED', zh: '登录凭证无效或已过期', en: 'The access token is invalid or expired' },
  FORBIDDEN: { category: 'FORBIDDEN', zh: '当前角色无权执行此操作', en: 'Your role may not perform this operation' },
  NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到{entity}', en: '{entity} not found' },
  VALIDATION_FAILED: { category: 'BAD_USER_INPUT', zh: '输入有误：{detail}', en: 'Invalid input: {detail}' },
  INVALID_QUERY: { category: 'BAD_USER_INPUT', zh: '请求格式有误：{detail}', en: 'Malformed request: {detail}' },
  PAGE_SIZE_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '{name} 必须是大于 0 的整数（收到 {value}）',
    en: '{name} must be a whole number greater than 0 (got {value})',
  },
  CONFLICT: { category: 'CONFLICT', zh: '数据冲突：{detail}', en: 'Conflict: {detail}' },
  JSON_TOO_DEEP: {
    category: 'BAD_USER_INPUT',
    zh: 'JSON 嵌套层数过多（最多 {max} 层）',
    en: 'The JSON value is nested too deeply (at most {max} levels)',
  },
  DATABASE_UNAVAILABLE: {
    category: 'UNAVAILABLE',
    zh: '数据库暂时不可用，请稍后重试',
    en: 'The database is unavailable right now; try again shortly',
  },
  SHUTTING_DOWN: { category: 'UNAVAILABLE', zh: '服务正在停止，请稍后重试', en: 'This instance is shutting down; try again shortly' },
  INTERNAL: {
    category: 'INTERNAL',
    zh: '服务器内部错误，请联系管理员（请求编号 {requestId}）',
    en: 'Internal error (request id {requestId})',
  },
});

export const notFound = (entity: string, field?: string) => CommonErrors.create('NOT_FOUND', { params: { entity }, field });
export const invalidInput = (field: string, detail: string, problems?: FieldProblem[]) =>
  CommonErrors.create('VALIDATION_FAILED', { field, params: { detail }, problems });

/** The database cannot be reached: the same request may work in a moment (HTTP 503 where the transport allows). */
export const databaseUnavailable = () => CommonErrors.create('DATABASE_UNAVAILABLE', { retryable: true, httpStatus: 503 });
/** The instance is draining before it stops: another instance (or this one after a restart) takes the work. */
export const shuttingDown = () => CommonErrors.create('SHUTTING_DOWN', { retryable: true, httpStatus: 503 });
