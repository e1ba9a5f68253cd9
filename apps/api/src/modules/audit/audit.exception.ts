import { defineErrors } from '../../common/errors/app-error';

export const AuditErrors = defineErrors({
  BAD_CURSOR: { category: 'BAD_USER_INPUT', zh: '分页游标无效', en: 'The page cursor is invalid' },
});
