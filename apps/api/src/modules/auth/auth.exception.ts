import { defineErrors } from '../../common/errors/app-error';

export const AuthErrors = defineErrors({
  TOKEN_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该 API 令牌', en: 'API token not found' },
  TOKEN_NAME_REQUIRED: { category: 'BAD_USER_INPUT', zh: '令牌名称不能为空', en: 'Token name must not be empty' },
  USER_EXISTS: { category: 'CONFLICT', zh: '该邮箱已被使用', en: 'A user with this email already exists' },
  WEAK_PASSWORD: { category: 'BAD_USER_INPUT', zh: '密码至少需要 8 个字符', en: 'The password needs at least 8 characters' },
});
