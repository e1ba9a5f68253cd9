export type Lang = 'zh-CN' | 'en';

const zh = {
  title: '在线投诉', submitTab: '提交投诉', trackTab: '查询进度', lang: 'English',
  type: '投诉类型', choose: '请选择', subject: '标题（可选）', text: '投诉内容', remedy: '您的诉求（可选）',
  name: '姓名', phone: '手机号码', email: '电子邮箱', contactHint: '手机号码或电子邮箱至少填写一项，用于联系您。',
  files: '附件（照片、单据等）', filesHint: '最多 {n} 个，每个不超过 {size}', remove: '移除', uploading: '正在上传…',
  submit: '提交投诉', submitting: '正在提交…', required: '必填', yes: '是', no: '否',
  formErrors: '请修改标出的内容后再提交。', formChanged: '投诉表单已更新，请检查后重新提交（您填写的内容已保留）。',
  submitted: '投诉已提交', yourNumber: '投诉编号', yourCode: '查询码',
  keepCode: '请妥善保存投诉编号和查询码：凭它们可以随时查询进度。查询码只显示这一次。', viewNow: '查看进度',
  number: '投诉编号', code: '查询码', track: '查询', accessDenied: '投诉编号或查询码不正确',
  checking: '正在进行安全验证…', tooMany: '操作过于频繁，请 {s} 秒后再试。', networkError: '网络连接失败，请稍后重试。',
  state: '当前状态', received: '受理时间', deadline: '法定处理时限', dueBy: '应于 {date} 前完成', workingDaysLeft: '剩余 {n} 个工作日',
  overdue: '已超过时限', met: '已按时完成', paused: '暂停计时', holidays: '期间的节假日与调休', extended: '已延期：{reason}（新时限 {date}）',
  history: '处理记录', replies: '答复', yourFiles: '附件', noReplies: '暂无答复。', byYou: '（您的操作）',
  addInfo: '补充说明或材料', addInfoSend: '提交补充', followUp: '对处理结果是否满意？', satisfied: '满意', unsatisfied: '不满意',
  score: '评分（1–5）', comment: '意见（可选）', sendFollowUp: '提交评价', withdraw: '撤回投诉', withdrawReason: '撤回原因（可选）',
  withdrawConfirm: '确认撤回', logout: '退出查询', updated: '页面已自动更新', sessionExpired: '查询已过期，请重新输入投诉编号和查询码。',
  notFound: '没有找到这个投诉入口，请检查链接。', closedPortal: '该机构暂未开放在线投诉。',
  noAccessCode: '没有查询码？用验证码查询', useAccessCode: '使用查询码', otpVia: '验证码发送到投诉时预留的', otpSend: '发送验证码',
  otpSent: '如果该投诉预留了此联系方式，验证码已发出，10 分钟内有效。', otp: '验证码',
} as const;

type Keys = keyof typeof zh;

const en: Record<Keys, string> = {
  title: 'Make a complaint', submitTab: 'Submit', trackTab: 'Track', lang: '中文',
  type: 'Type of complaint', choose: 'Choose…', subject: 'Subject (optional)', text: 'Your complaint', remedy: 'What would you like us to do? (optional)',
  name: 'Name', phone: 'Mobile phone', email: 'E-mail', contactHint: 'Give a mobile number or an e-mail address so we can reach you.',
  files: 'Attachments (photos, receipts …)', filesHint: 'Up to {n} files, {size} each', remove: 'Remove', uploading: 'Uploading…',
  submit: 'Submit complaint', submitting: 'Submitting…', required: 'required', yes: 'Yes', no: 'No',
  formErrors: 'Please correct the marked entries and submit again.', formChanged: 'The form has changed since you opened it; check it and submit again (your entries are kept).',
  submitted: 'Your complaint was received', yourNumber: 'Complaint number', yourCode: 'Access code',
  keepCode: 'Keep the number and the access code: with them you can follow your complaint. The code is shown only this once.', viewNow: 'Follow it now',
  number: 'Complaint number', code: 'Access code', track: 'Look up', accessDenied: 'The complaint number or access code is not correct',
  checking: 'Running a security check…', tooMany: 'Too many attempts; try again in {s} seconds.', networkError: 'Network error; please try again.',
  state: 'Status', received: 'Received', deadline: 'Legal deadline', dueBy: 'Due by {date}', workingDaysLeft: '{n} working days left',
  overdue: 'Overdue', met: 'Met on time', paused: 'Paused', holidays: 'Holidays and make-up working days in between', extended: 'Extended: {reason} (new deadline {date})',
  history: 'History', replies: 'Replies', yourFiles: 'Files', noReplies: 'No reply yet.', byYou: '(you)',
  addInfo: 'Add information or files', addInfoSend: 'Send', followUp: 'Are you satisfied with how it was handled?', satisfied: 'Satisfied', unsatisfied: 'Not satisfied',
  score: 'Score (1–5)', comment: 'Comment (optional)', sendFollowUp: 'Send rating', withdraw: 'Withdraw complaint', withdrawReason: 'Reason (optional)',
  withdrawConfirm: 'Withdraw', logout: 'Leave', updated: 'Updated', sessionExpired: 'Your session has expired; enter the number and access code again.',
  notFound: 'There is no complaint portal at this address.', closedPortal: 'This organisation does not take complaints online yet.',
  noAccessCode: 'No access code? Use a one-time code', useAccessCode: 'Use the access code', otpVia: 'Send a one-time code to the contact given with the complaint', otpSend: 'Send code',
  otpSent: 'If the complaint has this contact, a code is on its way; it is valid for 10 minutes.', otp: 'One-time code',
};

export const STATES: Record<string, { 'zh-CN': string; en: string }> = {
  received: { 'zh-CN': '已收到', en: 'Received' }, assessed: { 'zh-CN': '已受理，待分派', en: 'Accepted' },
  dispatched: { 'zh-CN': '已分派给责任部门', en: 'Passed to the responsible team' }, in_progress: { 'zh-CN': '正在处理', en: 'Being handled' },
  waiting_customer: { 'zh-CN': '等待您补充信息', en: 'Waiting for information from you' }, awaiting_approval: { 'zh-CN': '处理方案审核中', en: 'Solution under review' },
  responded: { 'zh-CN': '已答复，请评价', en: 'Answered — please rate' }, follow_up: { 'zh-CN': '回访中', en: 'Follow-up' },
  closed: { 'zh-CN': '已结案', en: 'Closed' }, invalid_closed: { 'zh-CN': '已结案（不予受理）', en: 'Closed (not accepted)' }, reopened: { 'zh-CN': '已重新处理', en: 'Reopened' },
};

export const EVENTS: Record<string, { 'zh-CN': string; en: string }> = {
  received: { 'zh-CN': '投诉已受理', en: 'Complaint received' }, transitioned: { 'zh-CN': '状态变为：', en: 'Status changed to: ' },
  replied: { 'zh-CN': '已发出答复', en: 'Reply sent' }, followed_up: { 'zh-CN': '已评价', en: 'Rated' },
  redispatched: { 'zh-CN': '因您不满意，已重新分派处理', en: 'Sent back for handling because you were not satisfied' },
  escalated: { 'zh-CN': '已升级至部门经理处理', en: 'Escalated to the manager' }, 'sla.extended': { 'zh-CN': '处理时限延期', en: 'Deadline extended' },
  'customer.added_information': { 'zh-CN': '您补充了信息', en: 'You added information' }, 'customer.replied': { 'zh-CN': '您回复了邮件', en: 'You replied by e-mail' },
  'customer.withdrew': { 'zh-CN': '您撤回了投诉', en: 'You withdrew the complaint' }, 'attachment.refused': { 'zh-CN': '附件未被接受', en: 'Attachment refused' },
};

export const TARGETS: Record<string, { 'zh-CN': string; en: string }> = {
  acknowledge: { 'zh-CN': '受理确认', en: 'Acknowledgement' }, dispatch: { 'zh-CN': '分派', en: 'Dispatch' },
  first_response: { 'zh-CN': '首次答复', en: 'First response' }, resolution: { 'zh-CN': '处理完毕', en: 'Resolution' },
  follow_up: { 'zh-CN': '回访', en: 'Follow-up' }, regulatory_answer: { 'zh-CN': '监管答复', en: 'Regulatory answer' },
  progress_update: { 'zh-CN': '进度告知', en: 'Progress update' },
};

export const DAY_REASONS: Record<string, { 'zh-CN': string; en: string }> = {
  statutory_holiday: { 'zh-CN': '法定节假日', en: 'public holiday' }, makeup_workday: { 'zh-CN': '调休上班', en: 'make-up working day' },
  closure: { 'zh-CN': '停业', en: 'closed' }, extra_working_day: { 'zh-CN': '加班工作日', en: 'extra working day' },
};

export function translator(lang: Lang) {
  const table = lang === 'en' ? en : zh;
  return (key: Keys, params?: Record<string, string | number>) =>
    String(table[key]).replace(/\{(\w+)\}/g, (m, k: string) => (params && k in params ? String(params[k]) : m));
}

export type T = ReturnType<typeof translator>;

export const localized = (text: { zh: string; en?: string } | null | undefined, lang: Lang) => (text ? (lang === 'en' ? text.en || text.zh : text.zh) : '');
