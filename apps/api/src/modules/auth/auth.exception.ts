import { defineErrors } from '../../common/errors/app-error';

export const AuthErrors = defineErrors({
  TOKEN_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该 API 令牌', en: 'API token not found' },
  TOKEN_NAME_REQUIRED: { category: 'BAD_USER_INPUT', zh: '令牌名称不能为空', en: 'Token name must not be empty' },
  TOKEN_ROLE_ABOVE_CREATOR: { category: 'FORBIDDEN', zh: 'API 令牌的角色不能高于创建者的角色', en: 'An API token may not hold a role above its creator’s' },
  TOKEN_EXPIRY_IN_PAST: { category: 'BAD_USER_INPUT', zh: '令牌到期时间必须晚于现在', en: 'The token’s expiry must lie in the future' },
  TOKEN_NEEDS_USER: { category: 'FORBIDDEN', zh: '只有登录的用户可以创建 API 令牌', en: 'Only a signed-in user may create API tokens' },
  ROLE_ABOVE_OWN: { category: 'FORBIDDEN', zh: '不能授予或修改高于自己的角色', en: 'You may not grant or change a role above your own' },
  USER_EXISTS: { category: 'CONFLICT', zh: '该邮箱已被使用', en: 'A user with this email already exists' },
  USER_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该用户', en: 'User not found' },
  EMAIL_INVALID: { category: 'BAD_USER_INPUT', zh: '邮箱格式不正确', en: 'The email address is not valid' },
  WEAK_PASSWORD: { category: 'BAD_USER_INPUT', zh: '密码至少需要 8 个字符', en: 'The password needs at least 8 characters' },
  PASSWORD_TOO_SHORT: { category: 'BAD_USER_INPUT', zh: '密码至少需要 {min} 个字符', en: 'The password needs at least {min} characters' },
  PASSWORD_TOO_COMMON: {
    category: 'BAD_USER_INPUT', zh: '密码太常见或太容易猜到，请换一个更难猜的密码',
    en: 'The password is too common or too easy to guess; choose a harder one',
  },
  CURRENT_PASSWORD_WRONG: { category: 'BAD_USER_INPUT', zh: '当前密码不正确', en: 'The current password is wrong' },
  LAST_ADMIN: {
    category: 'CONFLICT', zh: '不能停用或降级最后一位启用的管理员', en: 'The last active administrator cannot be deactivated or given another role',
  },
  LINK_INVALID: { category: 'BAD_USER_INPUT', zh: '链接无效', en: 'The link is not valid' },
  LINK_EXPIRED: { category: 'BAD_USER_INPUT', zh: '链接已过期，请让管理员重新发送', en: 'The link has expired; ask an administrator for a new one' },
  LINK_USED: { category: 'BAD_USER_INPUT', zh: '链接已使用过，不能再次使用', en: 'The link has already been used' },
  ACCOUNT_DEACTIVATED: { category: 'UNAUTHENTICATED', zh: '该账号已停用', en: 'This account has been deactivated' },
  SESSION_ENDED: { category: 'UNAUTHENTICATED', zh: '会话已失效，请重新登录', en: 'The session has ended; sign in again' },
  TOO_MANY_ATTEMPTS: {
    category: 'UNAUTHENTICATED', zh: '登录失败次数过多，请在 {seconds} 秒后重试', en: 'Too many failed sign-ins; try again in {seconds} seconds',
  },
  SECOND_FACTOR_REQUIRED: { category: 'UNAUTHENTICATED', zh: '请输入身份验证器中的 6 位验证码', en: 'Enter the 6-digit code from your authenticator app' },
  SECOND_FACTOR_INVALID: { category: 'UNAUTHENTICATED', zh: '验证码不正确或已使用', en: 'The code is wrong or was already used' },
  SECOND_FACTOR_NOT_ALLOWED: { category: 'FORBIDDEN', zh: '只有管理员和经理可以启用双重验证', en: 'Only admins and managers can turn on two-step verification' },
  SECOND_FACTOR_ALREADY_ON: { category: 'CONFLICT', zh: '双重验证已启用', en: 'Two-step verification is already on' },
  SECOND_FACTOR_NOT_STARTED: { category: 'BAD_USER_INPUT', zh: '请先开始设置双重验证', en: 'Start setting up two-step verification first' },
  PLATFORM_TOKEN_INVALID: { category: 'UNAUTHENTICATED', zh: '平台运营凭证无效', en: 'The platform operator credential is invalid' },
});
