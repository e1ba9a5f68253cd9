import { defineErrors } from '../../common/errors/app-error';

export const ComplaintErrors = defineErrors({
  NO_PUBLISHED_POLICY: {
    category: 'CONFLICT',
    zh: '尚未发布投诉处理策略，无法受理投诉',
    en: 'No policy has been published yet; complaints cannot be taken',
  },
  UNKNOWN_TYPE: { category: 'BAD_USER_INPUT', zh: '未知的投诉类型：{key}', en: 'Unknown complaint type: {key}' },
  UNKNOWN_CHANNEL: { category: 'BAD_USER_INPUT', zh: '未知的渠道：{key}', en: 'Unknown channel: {key}' },
  FORM_INVALID: { category: 'BAD_USER_INPUT', zh: '表单填写有误（{count} 处）', en: 'The form has {count} problem(s)' },
  COMPLAINANT_CONTACT_REQUIRED: {
    category: 'BAD_USER_INPUT',
    zh: '请至少提供一种联系方式（电话或邮箱）',
    en: 'Give at least one contact (phone or e-mail)',
  },
  NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该投诉', en: 'Complaint not found' },
  FINDING_CODE_UNKNOWN: {
    category: 'BAD_USER_INPUT',
    zh: '策略版本 {version} 中没有调查结论“{code}”（可选：{known}）',
    en: 'Policy version {version} has no finding "{code}" (known: {known})',
  },
  FINDING_NOT_ALLOWED: {
    category: 'FORBIDDEN',
    zh: '调查结论“{code}”只能由以下角色记录：{roles}',
    en: 'The finding "{code}" may only be recorded by: {roles}',
  },
  // A move the workflow has no transition for is a conflict with the complaint's state (issue 18), not bad input.
  ILLEGAL_TRANSITION: {
    category: 'CONFLICT',
    zh: '不能从“{from}”转到“{to}”，允许的下一步：{allowed}',
    en: 'Cannot move from {from} to {to}; allowed: {allowed}',
  },
  ROLE_NOT_ALLOWED: {
    category: 'FORBIDDEN',
    zh: '当前角色不能把投诉从“{from}”转到“{to}”',
    en: 'Your role may not move a complaint from {from} to {to}',
  },
  COMMENT_REQUIRED: { category: 'BAD_USER_INPUT', zh: '此操作需要填写原因', en: 'This step needs a reason' },
  GUARD_FAILED: {
    category: 'CONFLICT',
    zh: '当前投诉不满足转到“{to}”的条件，允许的下一步：{allowed}',
    en: 'The complaint does not meet the condition to move to {to}; allowed: {allowed}',
  },
  FIELDS_REQUIRED: { category: 'BAD_USER_INPUT', zh: '转到“{to}”前需填写：{fields}', en: 'Fill in before moving to {to}: {fields}' },
  TASKS_OPEN: { category: 'CONFLICT', zh: '还有未完成的任务，不能转到“{to}”', en: 'Open tasks must be finished before moving to {to}' },
  NO_TRANSITION: {
    category: 'CONFLICT',
    zh: '流程中没有从“{from}”触发“{trigger}”的步骤，可在以下状态进行：{allowed}',
    en: 'The workflow has no {trigger} step from {from}; possible from: {allowed}',
  },
  UNKNOWN_DEPARTMENT: { category: 'BAD_USER_INPUT', zh: '未知的部门：{key}', en: 'Unknown department: {key}' },
  UNKNOWN_USER: { category: 'BAD_USER_INPUT', zh: '未找到处理人', en: 'Assignee not found in this tenant' },
  REASON_REQUIRED: { category: 'BAD_USER_INPUT', zh: '请填写改派原因', en: 'A reason is required to reassign' },
  NOT_AWAITING_APPROVAL: { category: 'CONFLICT', zh: '该投诉没有待审批的处理方案', en: 'This complaint has no solution awaiting approval' },
  CLOSURE_PENDING: { category: 'CONFLICT', zh: '结案正在会签中，请等待审批结果', en: 'A closure is waiting for its approval chain' },
  NO_PENDING_CLOSURE: { category: 'CONFLICT', zh: '该投诉没有待会签的结案', en: 'This complaint has no closure awaiting approval' },
  NOT_AN_APPROVER: {
    category: 'FORBIDDEN',
    zh: '您不是审批步骤“{step}”的审批人（可审批：{approvers}）',
    en: 'You may not sign the step {step} (approvers: {approvers})',
  },
  ALREADY_SIGNED: { category: 'CONFLICT', zh: '您已签署审批步骤“{step}”', en: 'You have already signed the step {step}' },
  REJECTION_REASON_REQUIRED: {
    category: 'BAD_USER_INPUT',
    zh: '退回上一步需填写原因',
    en: 'Returning to the previous step needs a reason',
  },
  SELF_APPROVAL: { category: 'FORBIDDEN', zh: '不能审批自己提交的方案', en: 'You cannot approve your own solution' },
  CLOSED: { category: 'CONFLICT', zh: '投诉已结案', en: 'The complaint is closed' },
  UNKNOWN_TEMPLATE: { category: 'BAD_USER_INPUT', zh: '未知的回复模板：{key}', en: 'Unknown reply template: {key}' },
  INTERNAL_TEMPLATE: {
    category: 'BAD_USER_INPUT',
    zh: '模板“{key}”仅限内部使用，不能发送给客户',
    en: 'Template {key} is internal and cannot be sent to the customer',
  },
  REPLY_EMPTY: { category: 'BAD_USER_INPUT', zh: '回复内容不能为空', en: 'The reply must not be empty' },
  NOT_RESPONDED: {
    category: 'CONFLICT',
    zh: '投诉尚未答复，不能回访',
    en: 'The complaint has not been answered yet; no follow-up possible',
  },
  CLOSE_NEEDS_SATISFACTION: {
    category: 'CONFLICT',
    zh: '结案需要客户满意，或由经理说明原因',
    en: 'Closing needs a satisfied customer or a manager’s reason',
  },
  SCORE_RANGE: { category: 'BAD_USER_INPUT', zh: '满意度评分应为 1–5', en: 'The score must be between 1 and 5' },
  CONCURRENT_UPDATE: {
    category: 'CONFLICT',
    zh: '投诉已被他人修改，请刷新后重试',
    en: 'The complaint was changed by someone else; reload and retry',
  },
  IDEMPOTENCY_KEY_REUSED: {
    category: 'CONFLICT',
    zh: '幂等键“{key}”已用于内容不同的投诉 {number}；重试请提交相同内容，新投诉请使用新的幂等键',
    en: 'The idempotency key "{key}" was already used for complaint {number} with different content; retry with the same content, or use a new key for a new complaint',
  },
  REJECTED_BY_PLUGIN: { category: 'BAD_USER_INPUT', zh: '{message}', en: '{message}' },
});
