import {
  defineComplaintType,
  defineEventHandler,
  extendDefaultWorkflow,
  defineField,
  definePlugin,
  defineRulePreset,
  defineSlaPolicy,
  defineTemplate,
  logic,
} from '@redress/sdk';
import { BANK_DEMO_COMPLAINTS } from './demo-complaints';
import { regulatorReportRow } from './regulator-report';

export * from './regulator-report';

const BANK_TYPES = ['bank_service', 'bank_product', 'bank_credit_card', 'bank_system', 'bank_marketing'];

export const PRODUCT_LINES = [
  { value: 'savings', label: { zh: '储蓄', en: 'Savings' } },
  { value: 'credit_card', label: { zh: '信用卡', en: 'Credit card' } },
  { value: 'loan', label: { zh: '贷款', en: 'Loans' } },
  { value: 'wealth', label: { zh: '理财', en: 'Wealth management' } },
  { value: 'e_banking', label: { zh: '电子银行', en: 'E-banking' } },
  { value: 'payment', label: { zh: '支付结算', en: 'Payments' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
];

/** Words that name a product line in complaint text, used when the agent left the product line empty. */
const PRODUCT_LINE_WORDS: [string, string[]][] = [
  ['credit_card', ['信用卡', '年费', '分期', '账单', '透支', '盗刷']],
  ['loan', ['贷款', '房贷', '车贷', '还款', '违约金', '利率']],
  ['wealth', ['理财', '基金', '保本', '净值', '收益']],
  ['e_banking', ['手机银行', '网银', '网上银行', 'app', '登录', 'U盾']],
  ['payment', ['转账', '汇款', '收款', '到账']],
  ['savings', ['存款', '存折', '取款', '定期', '活期', 'ATM', '柜台']],
];

/** The product line of a complaint: the form's value, else the first product named in the text, else `other`. */
export function inferProductLine(form: Record<string, unknown>, text: string): string {
  if (typeof form.product_line === 'string' && form.product_line) return form.product_line;
  const lower = text.toLowerCase();
  for (const [line, words] of PRODUCT_LINE_WORDS) if (words.some((w) => lower.includes(w.toLowerCase()))) return line;
  return 'other';
}

export const bankSeverityPreset = defineRulePreset({
  code: 'bank.severity',
  name: { zh: '银行投诉分级（一般/紧急/重大）', en: 'Bank severity (general / urgent / major)' },
  description: {
    zh: '重大：新闻媒体报道、监管机构调查、总行领导批转；紧急：声称媒体曝光或法律手段、大规模或区域性系统故障、资金安全、要求时限短于正常时限；其余为一般。',
    en: 'Major: media reports, regulator investigations, head-office referrals. Urgent: threats of media exposure or legal action, wide system failures, fund safety, a demanded deadline shorter than normal. Otherwise general.',
  },
  ruleSet: 'severity',
  args: {
    majorChannels: {
      type: 'string[]',
      label: { zh: '视同重大投诉的渠道', en: 'Channels treated as major' },
      default: ['news_media', 'regulator', 'leadership'],
    },
    majorKeywords: {
      type: 'string[]',
      label: { zh: '重大投诉关键词', en: 'Major complaint keywords' },
      default: [
        '新闻报道',
        '已被报道',
        '记者采访',
        '监管调查',
        '监管机构调查',
        '银保监',
        '金融监管总局',
        '人民银行调查',
        '总行领导',
        '领导批示',
      ],
    },
    mediaLegalKeywords: {
      type: 'string[]',
      label: { zh: '媒体曝光/法律手段关键词', en: 'Media or legal threat keywords' },
      default: ['曝光', '媒体', '记者', '微博', '抖音', '律师', '起诉', '法院', '诉讼', '仲裁', '报警', '维权'],
    },
    systemFailureKeywords: {
      type: 'string[]',
      label: { zh: '系统故障关键词', en: 'System failure keywords' },
      default: ['系统故障', '大面积', '无法登录', '系统繁忙', '瘫痪', '宕机', '所有网点', '区域性'],
    },
    fundSafetyKeywords: {
      type: 'string[]',
      label: { zh: '资金安全关键词', en: 'Fund safety keywords' },
      default: ['盗刷', '被盗', '资金安全', '不明扣款', '诈骗', '冒名', '账户被冻结'],
    },
    normalDeadlineDays: {
      type: 'number',
      label: { zh: '正常处理时限（天）：客户要求短于此即为紧急', en: 'Normal handling days (a shorter demand is urgent)' },
      default: 15,
      min: 1,
    },
  },
  rows: (args) => [
    {
      key: 'major_channel',
      when: logic.oneOf('complaint.channel', args.majorChannels),
      then: 'major',
      priority: 30,
      description: '新闻媒体、监管转办、总行领导批转视同重大投诉',
    },
    {
      key: 'major_keywords',
      when: logic.containsAny('complaint.text', args.majorKeywords),
      then: 'major',
      priority: 30,
      description: '内容涉及媒体报道、监管调查或总行领导批转',
    },
    {
      key: 'urgent_media_legal',
      when: logic.containsAny('complaint.text', args.mediaLegalKeywords),
      then: 'urgent',
      priority: 20,
      description: '客户声称媒体曝光或采取法律手段',
    },
    {
      key: 'urgent_system_failure',
      when: logic.containsAny('complaint.text', args.systemFailureKeywords),
      then: 'urgent',
      priority: 20,
      description: '大规模或区域性系统故障',
    },
    {
      key: 'urgent_fund_safety',
      when: logic.containsAny('complaint.text', args.fundSafetyKeywords),
      then: 'urgent',
      priority: 20,
      description: '涉及资金安全',
    },
    {
      key: 'urgent_short_deadline',
      when: logic.and(
        logic.present('complaint.form.requested_deadline_days'),
        logic.lt('complaint.form.requested_deadline_days', args.normalDeadlineDays),
      ),
      then: 'urgent',
      priority: 20,
      description: '客户要求的解决时限短于正常处理时限',
    },
  ],
});

export const bankValidityPreset = defineRulePreset({
  code: 'bank.validity',
  name: { zh: '误投诉', en: 'Mistaken complaint' },
  description: {
    zh: '经调查非本行责任或过失，属客户误解或故意刁难的投诉，以“误投诉”结案（保留记录，不计入有效投诉）。',
    en: "Not the bank's fault after investigation (misunderstanding or malicious): closed as a mistaken complaint, kept on record.",
  },
  ruleSet: 'validity',
  args: {
    mistakenFindings: {
      type: 'string[]',
      label: { zh: '视为误投诉的调查结论', en: 'Findings that make a complaint mistaken' },
      default: ['customer_misunderstanding', 'malicious'],
    },
  },
  rows: (args) => [
    {
      key: 'mistaken_complaint',
      when: logic.oneOf('complaint.form.fault_finding', args.mistakenFindings),
      then: {
        valid: false,
        reason: 'mistaken_complaint',
        reasonText: { zh: '误投诉：经调查非本行责任或过失，属客户误解或故意刁难', en: "Mistaken complaint: not the bank's fault" },
      },
      description: '误投诉',
    },
  ],
});

export const bankRoutingPreset = defineRulePreset({
  code: 'bank.routing',
  name: { zh: '银行投诉派单', en: 'Bank routing' },
  description: {
    zh: '重大投诉交合规与风险管理部；信用卡交信用卡中心；电子银行与系统问题交信息科技部；其余交客户服务中心。',
    en: 'Major to compliance; cards to the card center; e-banking to IT; the rest to customer service.',
  },
  ruleSet: 'routing',
  args: {
    majorToCompliance: {
      type: 'boolean',
      label: { zh: '重大投诉由合规与风险管理部牵头', en: 'Compliance leads major complaints' },
      default: true,
    },
  },
  rows: (args) => [
    ...(args.majorToCompliance
      ? [{ key: 'major_compliance', when: logic.eq('severity', 'major'), then: { department: 'bank_compliance' } }]
      : []),
    { key: 'credit_card', when: logic.eq('bank.productLine', 'credit_card'), then: { department: 'bank_card_center' } },
    {
      key: 'e_banking',
      when: logic.or(logic.eq('bank.productLine', 'e_banking'), logic.eq('complaint.type', 'bank_system')),
      then: { department: 'bank_it' },
    },
    { key: 'bank_default', when: logic.oneOf('complaint.type', BANK_TYPES), then: { department: 'bank_customer_service' } },
  ],
});

export const bankSlaPreset = defineRulePreset({
  code: 'bank.sla',
  name: { zh: '监管时限', en: 'Regulatory deadline' },
  description: {
    zh: '银行投诉适用监管时限：15日内作出处理决定并告知客户，经批准并告知可延长至30日、60日。',
    en: 'Bank complaints use the regulatory deadline: decide within 15 days, extendable to 30 and 60 with approval and notice.',
  },
  ruleSet: 'sla',
  args: {},
  rows: () => [{ key: 'regulatory', when: logic.oneOf('complaint.type', BANK_TYPES), then: 'bank_regulatory' }],
});

export const bankPlugin = definePlugin({
  id: 'bank',
  version: '0.1.0',
  compatibility: '^0.1.0',
  name: { zh: '银行', en: 'Banking' },
  description: {
    zh: '银行业投诉管理：账户/卡号尾号、业务类别、争议金额；一般/紧急/重大分级；监管15日处理时限及延期；误投诉；监管报送。',
    en: 'Bank complaints: account tail, product line, disputed amount; general/urgent/major severity; 15-day regulatory deadline with extensions; mistaken complaints; regulator report.',
  },
  fields: [
    defineField({
      key: 'account_tail',
      label: { zh: '账号/卡号后四位', en: 'Account or card number (last 4)' },
      type: 'text',
      personal: true,
      validation: { pattern: '^\\d{4}$' },
    }),
    defineField({ key: 'product_line', label: { zh: '业务类别', en: 'Product line' }, type: 'select', options: PRODUCT_LINES }),
    defineField({
      key: 'disputed_amount',
      label: { zh: '争议金额（元）', en: 'Amount in dispute (CNY)' },
      type: 'money',
      validation: { min: 0 },
    }),
    defineField({ key: 'branch', label: { zh: '涉及网点', en: 'Branch' }, type: 'text' }),
    defineField({
      key: 'requested_deadline_days',
      label: { zh: '客户要求的解决时限（天）', en: 'Deadline the customer demands (days)' },
      type: 'number',
      validation: { min: 0 },
      help: { zh: '客户明确提出期限时填写；短于正常时限即为紧急投诉', en: 'Fill in when the customer demands a deadline' },
    }),
    defineField({
      key: 'fault_finding',
      label: { zh: '调查结论', en: 'Investigation finding' },
      type: 'select',
      options: [
        { value: 'undetermined', label: { zh: '待调查', en: 'Under investigation' } },
        { value: 'bank_fault', label: { zh: '本行责任', en: 'Bank at fault' } },
        { value: 'customer_misunderstanding', label: { zh: '客户误解', en: 'Customer misunderstanding' } },
        { value: 'malicious', label: { zh: '故意刁难', en: 'Malicious' } },
      ],
    }),
  ],
  complaintTypes: [
    defineComplaintType({
      key: 'bank_service',
      workflow: 'bank_handling',
      name: { zh: '服务质量', en: 'Service quality' },
      kind: 'complaint',
      fields: ['product_line', 'branch', 'requested_deadline_days', 'fault_finding'],
      defaultSeverity: 'normal',
      defaultDepartment: 'bank_customer_service',
    }),
    defineComplaintType({
      key: 'bank_product',
      workflow: 'bank_handling',
      name: { zh: '产品与业务', en: 'Products and transactions' },
      kind: 'complaint',
      fields: ['account_tail', 'product_line', 'disputed_amount', 'branch', 'requested_deadline_days', 'fault_finding'],
      defaultSeverity: 'normal',
      defaultDepartment: 'bank_customer_service',
    }),
    defineComplaintType({
      key: 'bank_credit_card',
      workflow: 'bank_handling',
      name: { zh: '信用卡', en: 'Credit card' },
      kind: 'complaint',
      fields: ['account_tail', 'product_line', 'disputed_amount', 'requested_deadline_days', 'fault_finding'],
      defaultSeverity: 'normal',
      defaultDepartment: 'bank_card_center',
    }),
    defineComplaintType({
      key: 'bank_system',
      workflow: 'bank_handling',
      name: { zh: '系统与电子渠道', en: 'Systems and e-channels' },
      kind: 'complaint',
      fields: ['product_line', 'branch', 'requested_deadline_days', 'fault_finding'],
      defaultSeverity: 'normal',
      defaultDepartment: 'bank_it',
    }),
    defineComplaintType({
      key: 'bank_marketing',
      workflow: 'bank_handling',
      name: { zh: '营销宣传', en: 'Marketing' },
      kind: 'complaint',
      fields: ['product_line', 'branch', 'fault_finding'],
      defaultSeverity: 'normal',
      defaultDepartment: 'bank_customer_service',
    }),
  ],
  channels: [
    { key: 'news_media', name: { zh: '新闻媒体', en: 'News media' } },
    { key: 'regulator', name: { zh: '监管转办', en: 'Regulator referral' } },
    { key: 'leadership', name: { zh: '总行领导批转', en: 'Head-office referral' } },
  ],
  severityLevels: [
    { key: 'normal', name: { zh: '一般', en: 'General' }, rank: 1, color: '#8c8c8c' },
    { key: 'urgent', name: { zh: '紧急', en: 'Urgent' }, rank: 2, color: '#fa8c16' },
    { key: 'major', name: { zh: '重大', en: 'Major' }, rank: 3, requiresApproval: true, color: '#f5222d' },
  ],
  workflows: [
    // 调查核实 (the bank spec's investigation step): facts confirmed with the branch or the card center before the answer.
    extendDefaultWorkflow({
      key: 'bank_handling',
      name: { zh: '银行投诉处理流程（含调查核实）', en: 'Bank handling (with investigation)' },
      states: [{ key: 'bank_investigation', name: { zh: '调查核实', en: 'Investigation' }, category: 'open' }],
      transitions: [
        {
          key: 'bank_investigate',
          name: { zh: '开始调查核实', en: 'Start the investigation' },
          from: ['dispatched', 'in_progress'],
          to: 'bank_investigation',
          roles: ['admin', 'manager', 'handler'],
        },
        {
          key: 'bank_investigated',
          name: { zh: '调查完成', en: 'Investigation done' },
          from: ['bank_investigation'],
          to: 'in_progress',
          roles: ['admin', 'manager', 'handler'],
          requiresComment: true,
        },
      ],
    }),
  ],
  departments: [
    { key: 'bank_customer_service', name: { zh: '客户服务中心', en: 'Customer service center' } },
    { key: 'bank_compliance', name: { zh: '合规与风险管理部', en: 'Compliance and risk' } },
    { key: 'bank_card_center', name: { zh: '信用卡中心', en: 'Card center' } },
    { key: 'bank_it', name: { zh: '信息科技部', en: 'IT department' } },
  ],
  rulePresets: [bankValidityPreset, bankSeverityPreset, bankRoutingPreset, bankSlaPreset],
  slaPolicies: [
    defineSlaPolicy({
      key: 'bank_regulatory',
      name: { zh: '银行监管时限（15日，可延至30日/60日）', en: 'Bank regulatory deadline (15 days, extendable to 30/60)' },
      targets: [
        { key: 'acknowledge', name: { zh: '受理确认', en: 'Acknowledge' }, duration: { amount: 1, kind: 'working_days' } },
        {
          key: 'regulatory_answer',
          name: { zh: '作出处理决定并告知客户', en: 'Decide and inform the customer' },
          duration: { amount: 15, kind: 'natural_days' },
          warnAtPercent: 80,
          extensions: [
            { amount: 30, kind: 'natural_days' },
            { amount: 60, kind: 'natural_days' },
          ],
          extensionApprovalRole: 'manager',
        },
        {
          key: 'follow_up',
          name: { zh: '回访', en: 'Follow-up call' },
          duration: { amount: 2, kind: 'working_days' },
          startWhen: { '==': [{ var: 'complaint.state' }, 'resolved'] },
        },
      ],
    }),
  ],
  escalations: [
    {
      key: 'bank_regulatory_warning',
      name: { zh: '监管时限预警', en: 'Regulatory deadline warning' },
      trigger: 'warning',
      target: 'regulatory_answer',
      actions: [{ type: 'notify', to: 'manager' }],
    },
    {
      key: 'bank_regulatory_breach',
      name: { zh: '监管时限逾期升级', en: 'Regulatory deadline breached' },
      trigger: 'breach',
      target: 'regulatory_answer',
      actions: [
        { type: 'raise_severity', to: 'major' },
        { type: 'notify', to: 'manager' },
        { type: 'reassign', department: 'bank_compliance' },
      ],
    },
  ],
  // The bank's letter is the extension notice of the bank's SLA policies only (chosen by policy, not by its name).
  notices: [
    {
      key: 'bank_extension',
      name: { zh: '银行延期告知', en: 'Bank extension notice' },
      event: 'sla.extended',
      to: 'customer',
      channels: ['email', 'sms'],
      template: 'bank_extension_notice',
      slaPolicies: ['bank_regulatory'],
    },
  ],
  templates: [
    defineTemplate({
      key: 'bank_extension_notice',
      name: { zh: '延期处理告知书', en: 'Extension notice' },
      kind: 'notice',
      subject: '关于投诉 {{complaint.number}} 延期处理的告知',
      body: '尊敬的{{customer.name}}{{customer.title}}：\n您于{{complaint.receivedAt}}反映的问题（编号 {{complaint.number}}），因{{extension.reason}}，经审批需延期处理，处理期限延长至{{extension.newDeadline}}。我行将持续跟进并及时告知进展，给您带来不便深表歉意。\n{{tenant.name}}',
    }),
    defineTemplate({
      key: 'bank_decision_letter',
      name: { zh: '投诉处理决定告知书', en: 'Complaint decision letter' },
      kind: 'letter',
      subject: '投诉 {{complaint.number}} 处理决定告知书',
      body: '尊敬的{{customer.name}}{{customer.title}}：\n感谢您对我行工作的监督。经核查，{{reply.rootCause}}\n处理决定：{{reply.solution}}\n如对处理结果有异议，可在收到本告知书之日起向上级机构或监管部门反映。\n{{tenant.name}} {{department.name}}',
    }),
  ],
  ruleTests: [
    {
      key: 'bank_media_major',
      description: '媒体渠道视同重大',
      facts: { complaint: { type: 'bank_service', channel: 'news_media', text: '记者来电询问网点服务问题' } },
      expect: { valid: true, severity: 'major', department: 'bank_compliance', slaPolicy: 'bank_regulatory' },
    },
    {
      key: 'bank_fraud_urgent',
      description: '盗刷为紧急，交信用卡中心',
      facts: {
        complaint: { type: 'bank_credit_card', channel: 'phone', text: '信用卡被盗刷两笔', form: { product_line: 'credit_card' } },
        bank: { productLine: 'credit_card' },
      },
      expect: { severity: 'urgent', department: 'bank_card_center' },
    },
    {
      key: 'bank_queue_general',
      description: '排队时间长为一般',
      facts: {
        complaint: { type: 'bank_service', channel: 'visit', text: '排队时间太长', form: { product_line: 'savings' } },
        bank: { productLine: 'savings' },
      },
      expect: { valid: true, severity: 'normal', department: 'bank_customer_service' },
    },
    {
      key: 'bank_mistaken',
      description: '客户误解为误投诉',
      facts: {
        complaint: { type: 'bank_product', channel: 'web', text: '转账账号填错', form: { fault_finding: 'customer_misunderstanding' } },
      },
      expect: { valid: false, invalidReason: 'mistaken_complaint' },
    },
  ],
  facts: {
    'bank.productLine': {
      type: 'string',
      label: { zh: '业务类别（表单或文本推断）', en: 'Product line (form or inferred from text)' },
      options: PRODUCT_LINES.map((p) => p.value),
    },
  },
  on: {
    'complaint.submitted': defineEventHandler('complaint.submitted', {
      // Routing reads bank.productLine, so complaints whose agent left the product line empty still reach the right desk.
      blocking: (_ctx, event) => ({ facts: { 'bank.productLine': inferProductLine(event.complaint.form, event.complaint.text) } }),
      timeoutMs: { blocking: 1000 },
    }),
    'complaint.closed': defineEventHandler('complaint.closed', {
      // One report row per closed complaint; the regulator-reporting integration consumes these messages.
      after: (ctx, event) => {
        ctx.outbox.enqueue('regulator_report_row', { ...regulatorReportRow(event.complaint, event.reason), eventId: event.id });
      },
    }),
  },
  demoComplaints: BANK_DEMO_COMPLAINTS,
});

export default bankPlugin;
