import { defineErrors } from '../../common/errors/app-error';

export const AttachmentErrors = defineErrors({
  EMPTY: { category: 'BAD_USER_INPUT', zh: '文件为空', en: 'The file is empty' },
  TOO_LARGE: { category: 'BAD_USER_INPUT', zh: '文件“{name}”过大（最大 {max}）', en: 'The file "{name}" is too large (at most {max})' },
  TOO_MANY: {
    category: 'BAD_USER_INPUT',
    zh: '附件过多：{count} 个（最多 {max} 个）',
    en: 'Too many attachments: {count} (at most {max})',
  },
  TYPE_NOT_ALLOWED: {
    category: 'BAD_USER_INPUT',
    zh: '文件“{name}”的实际类型（{type}）不允许上传',
    en: 'The file "{name}" is of a type that is not allowed ({type})',
  },
  UNKNOWN: { category: 'BAD_USER_INPUT', zh: '附件不存在或已被使用：{id}', en: 'Unknown or already used attachment: {id}' },
  LINK_INVALID: { category: 'NOT_FOUND', zh: '下载链接无效', en: 'The download link is invalid' },
  LINK_EXPIRED: {
    category: 'NOT_FOUND',
    zh: '下载链接已过期，请刷新页面获取新链接',
    en: 'The download link has expired; reload the page for a new one',
  },
  NO_POLICY: {
    category: 'CONFLICT',
    zh: '尚未发布投诉处理策略，无法上传附件',
    en: 'No policy has been published yet; attachments cannot be uploaded',
  },
});
