import { defineErrors } from '../../common/errors/app-error';

export const SlaErrors = defineErrors({
  COMPLAINT_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该投诉', en: 'Complaint not found' },
  CLOCK_NOT_FOUND: { category: 'NOT_FOUND', zh: '该投诉没有“{target}”时限', en: 'The complaint has no “{target}” deadline' },
  CLOCK_STOPPED: {
    category: 'BAD_USER_INPUT',
    zh: '“{target}”时限已结束，不能延期',
    en: 'The “{target}” deadline has already stopped and cannot be extended',
  },
  NO_EXTENSION_STAGES: { category: 'BAD_USER_INPUT', zh: '“{target}”时限不允许延期', en: 'The “{target}” deadline allows no extension' },
  NO_FURTHER_EXTENSION: {
    category: 'BAD_USER_INPUT',
    zh: '“{target}”时限已延至最长期限（第 {stage} 次延期），不能再延期',
    en: 'The “{target}” deadline is at its longest stage (extension {stage}); it cannot be extended further',
  },
  EXTENSION_AFTER_DUE: {
    category: 'BAD_USER_INPUT',
    zh: '“{target}”时限已过，不能再延期',
    en: 'The “{target}” deadline has passed; it can no longer be extended',
  },
  EXTENSION_PENDING: { category: 'CONFLICT', zh: '已有一项延期申请等待审批', en: 'An extension request is already waiting for approval' },
  EXTENSION_REQUEST_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该延期申请', en: 'Extension request not found' },
  EXTENSION_REQUEST_DECIDED: { category: 'CONFLICT', zh: '该延期申请已处理', en: 'The extension request has already been decided' },
  SELF_APPROVAL: { category: 'FORBIDDEN', zh: '不能审批自己提出的延期申请', en: 'You cannot approve your own extension request' },
  ALREADY_SIGNED: { category: 'CONFLICT', zh: '您已签署审批步骤“{step}”', en: 'You have already signed the step {step}' },
  NOT_APPROVER: {
    category: 'FORBIDDEN',
    zh: '延期需由“{role}”角色审批',
    en: 'An extension must be approved by a user with the role “{role}”',
  },
  REASON_REQUIRED: { category: 'BAD_USER_INPUT', zh: '请填写延期原因', en: 'A reason for the extension is required' },
  REJECT_REASON_REQUIRED: {
    category: 'BAD_USER_INPUT',
    zh: '请填写驳回延期申请的原因',
    en: 'A reason for refusing the extension is required',
  },
  CALENDAR_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到工作日历“{key}”', en: 'Business calendar “{key}” not found' },
  PREVIEW_TOO_LONG: { category: 'BAD_USER_INPUT', zh: '工作日数须在 0 到 366 之间', en: 'Working days must be between 0 and 366' },
  INVALID_RANGE: { category: 'BAD_USER_INPUT', zh: '开始时间须早于结束时间', en: '“from” must be before “to”' },
  NO_POLICY: { category: 'NOT_FOUND', zh: '尚未发布处理规则', en: 'No policy has been published yet' },
});
