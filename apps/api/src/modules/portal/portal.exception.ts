import { defineErrors } from '../../common/errors/app-error';

export const PortalErrors = defineErrors({
  TENANT_NOT_FOUND: { category: 'NOT_FOUND', zh: '没有找到这个投诉入口', en: 'There is no complaint portal at this address' },
  PORTAL_CLOSED: { category: 'CONFLICT', zh: '该机构暂未开放在线投诉', en: 'This organisation does not take complaints online yet' },
  /** Wrong number and wrong code look the same: nobody learns which complaint numbers exist. */
  ACCESS_DENIED: { category: 'NOT_FOUND', zh: '投诉编号或查询码不正确', en: 'The complaint number or access code is not correct' },
  SESSION_EXPIRED: {
    category: 'UNAUTHENTICATED',
    zh: '查询已过期，请重新输入投诉编号和查询码',
    en: 'Your session has expired; enter the complaint number and access code again',
  },
  TOO_MANY_REQUESTS: {
    category: 'BAD_USER_INPUT',
    zh: '操作过于频繁，请 {seconds} 秒后再试',
    en: 'Too many attempts; try again in {seconds} seconds',
  },
  CHALLENGE_REQUIRED: {
    category: 'BAD_USER_INPUT',
    zh: '请稍候，正在进行安全验证',
    en: 'A short security check is needed before continuing',
  },
  CHALLENGE_INVALID: { category: 'BAD_USER_INPUT', zh: '安全验证未通过，请重试', en: 'The security check failed; try again' },
  FORM_CHANGED: {
    category: 'CONFLICT',
    zh: '投诉表单已更新，请检查后重新提交（您填写的内容已保留）',
    en: 'The complaint form has changed since you opened it; check it and submit again (your entries are kept)',
  },
  NOT_ALLOWED_NOW: { category: 'CONFLICT', zh: '当前状态下不能进行此操作', en: 'This is not possible in the complaint’s current state' },
  INVALID_INPUT: { category: 'BAD_USER_INPUT', zh: '输入有误：{detail}', en: 'Invalid input: {detail}' },
});
