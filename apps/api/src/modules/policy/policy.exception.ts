import { defineErrors } from '../../common/errors/app-error';

export const PolicyErrors = defineErrors({
  OBJECT_NOT_FOUND: { category: 'NOT_FOUND', zh: '策略草稿中没有 {collection} “{key}”', en: 'The draft has no {collection} "{key}"' },
  VERSION_NOT_FOUND: { category: 'NOT_FOUND', zh: '策略版本 {version} 不存在', en: 'Policy version {version} does not exist' },
  NO_CURRENT_VERSION: { category: 'NOT_FOUND', zh: '尚未发布任何策略版本', en: 'No policy version has been published yet' },
  BAD_VERSION_REF: {
    category: 'BAD_USER_INPUT',
    zh: '“{ref}” 不是版本号或 "draft"',
    en: '"{ref}" is neither a version number nor "draft"',
  },
  RULE_SET_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '规则表 {key} 有 {count} 处问题：{detail}',
    en: 'The {key} rule table has {count} problem(s): {detail}',
  },
  TEMPLATE_VARIABLE_UNKNOWN: { category: 'BAD_USER_INPUT', zh: '模板变量 {{{name}}} 不存在', en: 'Unknown template variable {{{name}}}' },
  CALENDAR_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '工作日历有 {count} 处问题：{detail}',
    en: 'The calendar has {count} problem(s): {detail}',
  },
  HOLIDAY_SCHEDULE_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '{year} 年节假日安排有 {count} 处问题：{detail}',
    en: 'The {year} holiday schedule has {count} problem(s): {detail}',
  },
  NUMBER_PATTERN_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '投诉编号规则“{pattern}”无效：{detail}',
    en: 'The number pattern "{pattern}" is invalid: {detail}',
  },
  POLICY_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '策略有 {count} 处问题，无法发布：{detail}',
    en: 'The policy has {count} problem(s) and cannot be published: {detail}',
  },
  POLICY_PEOPLE_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '策略中有 {count} 位人员不是本租户的启用用户，无法发布：{detail}',
    en: 'The policy names {count} person(s) who are not active users of this tenant and cannot be published: {detail}',
  },
  RULE_TESTS_FAILED: {
    category: 'BAD_USER_INPUT',
    zh: '规则测试未通过，无法发布：{detail}',
    en: 'Rule tests failed, the policy was not published: {detail}',
  },
  APPROVAL_PENDING: {
    category: 'CONFLICT',
    zh: '版本 {version} 正在等待审批，请先批准或驳回',
    en: 'Version {version} is awaiting approval; approve or reject it first',
  },
  NOT_AN_APPROVER: {
    category: 'FORBIDDEN',
    zh: '您不是审批步骤“{step}”的签署人（可签署：{approvers}）',
    en: 'You may not sign the step {step} (signers: {approvers})',
  },
  ALREADY_SIGNED: { category: 'CONFLICT', zh: '您已签署审批步骤“{step}”', en: 'You have already signed the step {step}' },
  REJECTION_REASON_REQUIRED: {
    category: 'BAD_USER_INPUT',
    zh: '退回上一步需填写原因',
    en: 'Returning to the previous step needs a reason',
  },
  NOT_PENDING: {
    category: 'CONFLICT',
    zh: '版本 {version} 不在待审批状态（当前：{status}）',
    en: 'Version {version} is not awaiting approval (status: {status})',
  },
  SELF_APPROVAL: {
    category: 'FORBIDDEN',
    zh: '不能审批自己提交的版本 {version}：须由另一位管理员或经理审批（双人复核）',
    en: 'You submitted version {version}; a different administrator or manager must approve it (maker-checker)',
  },
  PUBLISH_CONFLICT: {
    category: 'CONFLICT',
    zh: '另一个发布同时进行，请重试',
    en: 'Another publish happened at the same time; please retry',
  },
  IMPORT_NOT_JSON: { category: 'BAD_USER_INPUT', zh: '导入内容不是有效的 JSON：{detail}', en: 'The document is not valid JSON: {detail}' },
  IMPORT_INVALID_SHAPE: {
    category: 'BAD_USER_INPUT',
    zh: '导入内容不是有效的策略文档：{detail}',
    en: 'The document is not a policy document: {detail}',
  },
  SIMULATION_SOURCE_UNAVAILABLE: {
    category: 'BAD_USER_INPUT',
    zh: '暂无法读取历史投诉，请直接提供样本',
    en: 'Real complaints are not available for simulation here; give sample facts instead',
  },
  SIMULATION_SAMPLE_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '请提供样本（facts 或 lastN 二选一）',
    en: 'Give either sample facts or lastN, not both and not neither',
  },
  SAMPLE_NOW_INVALID: {
    category: 'BAD_USER_INPUT',
    zh: '第 {index} 个样本的 now 不是有效时间：{value}（应为 ISO 8601，如 2026-01-15T02:00:00Z）',
    en: 'The now of sample {index} is not a time: {value} (use ISO 8601, e.g. 2026-01-15T02:00:00Z)',
  },
  SIMULATION_JOB_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到模拟任务 {id}', en: 'Simulation job {id} not found' },
});
