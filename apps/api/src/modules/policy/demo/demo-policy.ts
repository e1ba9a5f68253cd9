import { defaultWorkflow, type PolicyDocument, type SlaTarget } from '@redress/sdk';

/**
 * The demo tenant's policy (演示公司), built from the source documents' numbers (see /work/shared/REQUIREMENTS.md):
 * three severity levels (bank), 30-minute dispatch and progress reports (telecom), 3 / 7 working days to resolve,
 * 24 hours for consultations, 3 working days to contact, 1–2 working days to call back, 15 → 30 → 60 days for
 * regulator referrals, and "three identical complaints from different people within a month" (fitness club).
 */
const zh = (text: string, en: string) => ({ zh: text, en });
const MANAGER = 'manager@demo.local';
const isType = (ancestor: string) => ({ is_descendant_of: [{ var: 'complaint.typePath' }, ancestor] });
const severityIs = (level: string) => ({ '===': [{ var: 'severity' }, level] });
const kindIs = (kind: string) => ({ '===': [{ var: 'complaint.kind' }, kind] });

const dispatch: SlaTarget = { key: 'dispatch', name: zh('派单', 'Dispatch'), duration: { amount: 30, kind: 'natural_minutes' } };
const firstResponse: SlaTarget = {
  key: 'first_response',
  name: zh('责任部门联系客户', 'Department contacts the customer'),
  duration: { amount: 3, kind: 'working_days' },
};
const progressUpdate: SlaTarget = {
  key: 'progress_update',
  name: zh('进度通报（紧急投诉每30分钟）', 'Progress report (urgent: every 30 minutes)'),
  duration: { amount: 30, kind: 'natural_minutes' },
  recurring: true,
  startWhen: { '===': [{ var: 'complaint.severity' }, 'urgent'] },
  stopWhen: { in_list: [{ var: 'complaint.state' }, ['responded', 'follow_up', 'closed', 'invalid_closed']] },
};
const followUp: SlaTarget = {
  key: 'follow_up',
  name: zh('回访', 'Follow-up call'),
  duration: { amount: 2, kind: 'working_days' },
  startWhen: { in_list: [{ var: 'complaint.state' }, ['responded', 'follow_up']] },
};
const resolution = (days: number): SlaTarget => ({
  key: 'resolution',
  name: zh('处理完成', 'Resolution'),
  duration: { amount: days, kind: 'working_days' },
  warnAtPercent: 80,
});

export const DEMO_POLICY: PolicyDocument = {
  schemaVersion: 1,
  settings: { defaultCalendar: 'default', defaultSeverity: 'normal', requirePublishApproval: false, repeatWindowDays: 30 },
  severityLevels: [
    { key: 'normal', name: zh('一般', 'General'), rank: 1, color: '#52c41a' },
    { key: 'urgent', name: zh('紧急', 'Urgent'), rank: 2, color: '#fa8c16' },
    { key: 'major', name: zh('重大', 'Major'), rank: 3, requiresApproval: true, color: '#f5222d' },
  ],
  complaintTypes: [
    {
      key: 'service',
      name: zh('服务质量', 'Service quality'),
      kind: 'complaint',
      fields: ['outlet', 'expected_remedy', 'compensation_amount'],
      defaultDepartment: 'customer_service',
    },
    { key: 'service.attitude', parentKey: 'service', name: zh('服务态度', 'Staff attitude'), kind: 'complaint', fields: ['staff_name'] },
    {
      key: 'service.efficiency',
      parentKey: 'service',
      name: zh('服务效率', 'Service efficiency'),
      kind: 'complaint',
      fields: ['order_no'],
    },
    {
      key: 'product',
      name: zh('产品质量', 'Product quality'),
      kind: 'complaint',
      fields: ['order_no', 'product_name', 'purchase_date', 'expected_remedy', 'compensation_amount'],
      defaultDepartment: 'quality',
    },
    { key: 'product.defect', parentKey: 'product', name: zh('质量异常', 'Quality defect'), kind: 'complaint', fields: ['batch_no'] },
    {
      key: 'billing',
      name: zh('收费争议', 'Billing dispute'),
      kind: 'complaint',
      fields: ['order_no', 'amount', 'id_number', 'expected_remedy'],
      defaultDepartment: 'finance',
    },
    {
      key: 'environment',
      name: zh('网点环境', 'Branch environment'),
      kind: 'complaint',
      fields: ['outlet'],
      defaultDepartment: 'operations',
    },
    { key: 'suggestion', name: zh('建议', 'Suggestion'), kind: 'suggestion', fields: [], defaultDepartment: 'customer_service' },
    { key: 'consultation', name: zh('咨询', 'Consultation'), kind: 'consultation', fields: [], defaultDepartment: 'customer_service' },
  ],
  fields: [
    { key: 'order_no', label: zh('订单号', 'Order number'), type: 'reference', validation: { maxLength: 40 } },
    { key: 'amount', label: zh('金额（元）', 'Amount (CNY)'), type: 'money', required: true, validation: { min: 0 } },
    {
      // Not `store`: the jewelry plugin ships a required free-text `store`, and a tenant field with a plugin's key and
      // another meaning makes enabling the plugin fail (FIELD_KEY_CONFLICT). The demo tenant must take every shipped plugin.
      key: 'outlet',
      label: zh('门店', 'Store'),
      type: 'select',
      options: [
        { value: 'bj_chaoyang', label: zh('北京朝阳店', 'Beijing Chaoyang') },
        { value: 'sh_xuhui', label: zh('上海徐汇店', 'Shanghai Xuhui') },
        { value: 'gz_tianhe', label: zh('广州天河店', 'Guangzhou Tianhe') },
      ],
    },
    {
      key: 'expected_remedy',
      label: zh('期望处理方式', 'Requested remedy'),
      type: 'select',
      options: [
        { value: 'refund', label: zh('退款', 'Refund') },
        { value: 'exchange', label: zh('换货', 'Exchange') },
        { value: 'repair', label: zh('维修', 'Repair') },
        { value: 'compensation', label: zh('赔偿', 'Compensation') },
        { value: 'apology', label: zh('道歉', 'Apology') },
        { value: 'explanation', label: zh('解释说明', 'Explanation') },
      ],
    },
    {
      key: 'compensation_amount',
      label: zh('要求赔偿金额（元）', 'Compensation asked (CNY)'),
      type: 'money',
      validation: { min: 0 },
      visibleWhen: { '===': [{ var: 'complaint.form.expected_remedy' }, 'compensation'] },
      requiredWhen: { '===': [{ var: 'complaint.form.expected_remedy' }, 'compensation'] },
      help: zh('客户要求赔偿时必填，便于判断诉求是否可量化', 'Required when compensation is asked, so the demand is quantified'),
    },
    {
      key: 'id_number',
      label: zh('身份证号', 'ID card number'),
      type: 'id_number',
      personal: true,
      validation: { pattern: '^\\d{17}[\\dXx]$' },
    },
    { key: 'staff_name', label: zh('涉及员工', 'Staff involved'), type: 'text', validation: { maxLength: 50 } },
    { key: 'product_name', label: zh('产品名称', 'Product'), type: 'text', required: true },
    { key: 'purchase_date', label: zh('购买日期', 'Purchase date'), type: 'date' },
    { key: 'batch_no', label: zh('批次号', 'Batch number'), type: 'text', visibleWhen: { '!!': [{ var: 'complaint.form.product_name' }] } },
  ],
  channels: [
    { key: 'phone', name: zh('电话/热线', 'Phone / hotline'), realtime: true },
    { key: 'email', name: zh('电子邮件', 'E-mail') },
    { key: 'letter', name: zh('信函', 'Letter') },
    { key: 'fax', name: zh('传真', 'Fax') },
    { key: 'visit', name: zh('来访/现场', 'Visit / on site'), realtime: true },
    { key: 'comment_book', name: zh('意见簿', 'Comment book') },
    { key: 'web', name: zh('网站/在线客服', 'Web / online chat'), realtime: true },
    { key: 'app', name: zh('手机应用', 'Mobile app') },
    { key: 'social_media', name: zh('社交媒体', 'Social media') },
    { key: 'news_media', name: zh('新闻媒体', 'News media') },
    { key: 'regulator', name: zh('监管转办', 'Regulator referral') },
    { key: 'leadership', name: zh('领导转办', 'Forwarded by leadership') },
  ],
  departments: [
    { key: 'customer_service', name: zh('客服中心', 'Customer service center'), managerEmail: MANAGER },
    { key: 'operations', name: zh('运营部', 'Operations'), managerEmail: MANAGER },
    { key: 'quality', name: zh('质量部', 'Quality'), managerEmail: MANAGER },
    { key: 'finance', name: zh('财务部', 'Finance'), managerEmail: MANAGER },
    { key: 'compliance', name: zh('合规与风险管理部', 'Compliance and risk management'), managerEmail: MANAGER },
  ],
  teams: [
    { key: 'cs_frontline', departmentKey: 'customer_service', name: zh('客服一线组', 'Front-line team'), members: ['handler@demo.local'] },
    {
      key: 'quality_investigation',
      departmentKey: 'quality',
      name: zh('质量调查组', 'Quality investigation team'),
      members: ['handler@demo.local'],
    },
  ],
  calendars: [
    {
      key: 'default',
      name: zh('默认工作日历', 'Default working calendar'),
      timeZone: 'Asia/Shanghai',
      workingHours: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ],
      weekendDays: [0, 6],
      useChineseHolidays: true,
    },
  ],
  slaPolicies: [
    {
      key: 'standard',
      name: zh('标准时限（3个工作日）', 'Standard (3 working days)'),
      targets: [dispatch, firstResponse, progressUpdate, resolution(3), followUp],
    },
    {
      key: 'special',
      name: zh('特殊情况（7个工作日）', 'Special cases (7 working days)'),
      targets: [dispatch, firstResponse, progressUpdate, resolution(7), followUp],
    },
    {
      key: 'consultation',
      name: zh('咨询答复（24小时）', 'Consultation (24 hours)'),
      targets: [{ key: 'resolution', name: zh('答复', 'Answer'), duration: { amount: 24, kind: 'natural_hours' } }],
    },
    {
      key: 'regulatory',
      name: zh('监管转办（15日，可延至30/60日）', 'Regulator referral (15 days, extendable to 30/60)'),
      targets: [
        dispatch,
        progressUpdate,
        {
          key: 'regulatory_answer',
          name: zh('监管答复', 'Answer to the regulator'),
          duration: { amount: 15, kind: 'natural_days' },
          extensions: [
            { amount: 30, kind: 'natural_days' },
            { amount: 60, kind: 'natural_days' },
          ],
          extensionApprovalRole: 'manager',
        },
      ],
    },
  ],
  rules: {
    validity: {
      key: 'validity',
      hitPolicy: 'first',
      default: { valid: true },
      rows: [
        {
          key: 'val-suggestion',
          description: '建议而非投诉',
          when: kindIs('suggestion'),
          then: { valid: false, reason: 'is_suggestion', reasonText: zh('属于建议而非投诉', 'A suggestion, not a complaint') },
        },
        {
          key: 'val-malicious',
          description: '恶意投诉（敲诈、勒索）',
          when: { contains_any: [{ var: 'complaint.text' }, ['敲诈', '勒索', '不给钱就', '恶意差评']] },
          then: { valid: false, reason: 'malicious', reasonText: zh('恶意投诉', 'Malicious complaint') },
        },
        {
          key: 'val-no-demand',
          description: '无明确内容与诉求',
          when: { '!': [{ var: 'complaint.text' }] },
          then: { valid: false, reason: 'no_clear_demand', reasonText: zh('无明确投诉内容与诉求', 'No clear content or demand') },
        },
      ],
    },
    severity: {
      key: 'severity',
      hitPolicy: 'priority',
      rows: [
        {
          key: 'sev-major-channel',
          description: '新闻媒体、监管转办、领导转办',
          priority: 30,
          when: { in_list: [{ var: 'complaint.channel' }, ['news_media', 'regulator', 'leadership']] },
          then: 'major',
        },
        {
          key: 'sev-media-lawsuit',
          description: '扬言曝光或诉讼',
          priority: 20,
          when: { contains_any: [{ var: 'complaint.text' }, ['媒体', '曝光', '记者', '起诉', '律师', '法院', '报警', '12315']] },
          then: 'urgent',
        },
        {
          key: 'sev-same-type',
          description: '一个月内三位及以上不同客户同类投诉',
          priority: 20,
          when: { '>=': [{ var: 'aggregate.sameTypeCustomers30d' }, 3] },
          then: 'urgent',
        },
        {
          key: 'sev-repeat-customer',
          description: '同一客户30天内再次投诉',
          priority: 20,
          when: { '>=': [{ var: 'customer.complaintsLast30Days' }, 2] },
          then: 'urgent',
        },
        { key: 'sev-default', description: '其余为一般', priority: 0, when: true, then: 'normal' },
      ],
    },
    routing: {
      key: 'routing',
      hitPolicy: 'first',
      rows: [
        {
          key: 'route-major',
          description: '重大投诉由合规与风险管理部牵头',
          when: severityIs('major'),
          then: { department: 'compliance', strategy: 'manual' },
        },
        {
          key: 'route-service',
          when: isType('service'),
          then: { department: 'customer_service', team: 'cs_frontline', strategy: 'round_robin' },
        },
        {
          key: 'route-product',
          when: isType('product'),
          then: { department: 'quality', team: 'quality_investigation', strategy: 'least_loaded' },
        },
        { key: 'route-billing', when: isType('billing'), then: { department: 'finance', strategy: 'manual' } },
        { key: 'route-environment', when: isType('environment'), then: { department: 'operations', strategy: 'manual' } },
        {
          key: 'route-consultation',
          when: kindIs('consultation'),
          then: { department: 'customer_service', team: 'cs_frontline', strategy: 'round_robin' },
        },
      ],
    },
    sla: {
      key: 'sla',
      hitPolicy: 'first',
      default: 'standard',
      rows: [
        { key: 'sla-consultation', when: kindIs('consultation'), then: 'consultation' },
        { key: 'sla-major', when: severityIs('major'), then: 'regulatory' },
        { key: 'sla-product', description: '产品质量需检测，按特殊情况处理', when: isType('product'), then: 'special' },
        { key: 'sla-default', when: true, then: 'standard' },
      ],
    },
  },
  escalations: [
    {
      key: 'esc-resolution-breach',
      name: zh('处理逾期：通知经理并升为紧急', 'Resolution overdue: tell the manager, raise to urgent'),
      trigger: 'breach',
      target: 'resolution',
      actions: [
        { type: 'notify', to: 'manager', template: 'overdue_alert' },
        { type: 'raise_severity', to: 'urgent' },
      ],
    },
    {
      key: 'esc-first-response-warning',
      name: zh('即将超时：提醒处理人', 'Contact deadline near: remind the handler'),
      trigger: 'warning',
      target: 'first_response',
      actions: [{ type: 'notify', to: 'assignee' }],
    },
    {
      key: 'esc-unsatisfied-first',
      name: zh('回访不满意：重新派单', 'Unsatisfied: dispatch again'),
      trigger: 'unsatisfied',
      when: { '==': [{ var: 'complaint.unsatisfiedCount' }, 1] },
      actions: [{ type: 'reassign' }, { type: 'notify', to: 'department' }],
    },
    {
      key: 'esc-unsatisfied-second',
      name: zh('二次不满意：转经理', 'Unsatisfied twice: to the manager'),
      trigger: 'unsatisfied',
      when: { '>=': [{ var: 'complaint.unsatisfiedCount' }, 2] },
      actions: [
        { type: 'notify', to: 'manager', template: 'overdue_alert' },
        { type: 'raise_severity', to: 'urgent' },
      ],
    },
    {
      key: 'esc-aggregate',
      name: zh('一个月内3位以上不同客户同原因投诉：升级', 'Same cause from 3+ customers in 30 days: raise'),
      trigger: 'aggregate',
      when: { '>=': [{ var: 'aggregate.sameCauseCustomers30d' }, 3] },
      actions: [
        { type: 'raise_severity', to: 'urgent' },
        { type: 'notify', to: 'manager' },
      ],
    },
  ],
  templates: [
    {
      key: 'script_empathy',
      name: zh('受理话术（共情与致歉）', 'Intake script (empathy and apology)'),
      kind: 'script',
      channel: 'phone',
      body:
        '{{customer.name}}{{customer.title}}，您好！非常理解您现在的心情，遇到这样的情况换作是我也会着急。' +
        '首先代表{{tenant.name}}向您诚恳致歉，感谢您把问题告诉我们，您的意见对我们非常重要。' +
        '我已详细记录您反映的情况，投诉编号为 {{complaint.number}}，我们会在 {{deadline.resolution}} 前给您答复，请您放心。',
    },
    {
      key: 'reply_letter',
      name: zh('客户投诉答复函', 'Formal reply letter'),
      kind: 'letter',
      subject: '关于投诉 {{complaint.number}} 的答复函',
      body:
        '尊敬的{{customer.name}}{{customer.title}}：\n\n' +
        '感谢您于 {{complaint.receivedAt}} 向{{tenant.name}}反映问题，您的反馈帮助我们改进服务。\n\n' +
        '一、问题概述：您反映的订单（编号 {{complaint.reference}}）涉及“{{complaint.typeName}}”问题：{{complaint.text}}\n' +
        '二、调查与原因分析：经{{department.name}}调查核实，{{reply.rootCause}}\n' +
        '三、纠正与预防措施（含完成日期）：{{reply.solution}}\n' +
        '四、致歉：对给您带来的不便，我们深表歉意。\n' +
        '五、意见反馈：如您对以上处理仍有疑问或不满意，请联系处理人 {{handler.name}}，我们将继续跟进。\n\n' +
        '{{tenant.name}}',
    },
    {
      key: 'ack_notice',
      name: zh('受理通知', 'Acknowledgement notice'),
      kind: 'notice',
      body: '{{customer.name}}{{customer.title}}，您的投诉已受理，编号 {{complaint.number}}，由{{department.name}}负责处理，预计 {{deadline.resolution}} 前答复。',
    },
    {
      key: 'extension_notice',
      name: zh('延期通知', 'Extension notice'),
      kind: 'notice',
      body: '{{customer.name}}{{customer.title}}，关于投诉 {{complaint.number}}，因{{extension.reason}}，处理时限延至 {{extension.newDeadline}}，给您带来不便敬请谅解。',
    },
    {
      key: 'overdue_alert',
      name: zh('逾期提醒（内部）', 'Overdue alert (internal)'),
      kind: 'notice',
      internal: true,
      body: '投诉 {{complaint.number}}（{{complaint.typeName}}，{{complaint.severityName}}）已超过处理时限 {{deadline.resolution}}，当前处理人 {{handler.name}}，请立即跟进。',
    },
  ],
  // What is sent when: acknowledgement and reply letter to the customer, the extension notice of every SLA policy
  // (a plugin's policies name their own), in-app notices for staff. Breaches reach managers through the escalations.
  notices: [
    {
      key: 'notice-ack',
      name: zh('受理确认', 'Acknowledgement'),
      event: 'complaint.submitted',
      to: 'customer',
      channels: ['email', 'sms'],
      template: 'ack_notice',
      states: ['dispatched', 'assessed'],
    },
    { key: 'notice-reply-letter', name: zh('答复函', 'Reply letter'), event: 'complaint.replied', to: 'customer', channels: ['email'] },
    {
      key: 'notice-extension',
      name: zh('延期通知', 'Extension notice'),
      event: 'sla.extended',
      to: 'customer',
      channels: ['email', 'sms'],
      template: 'extension_notice',
    },
    { key: 'notice-assigned', name: zh('分派给我', 'Assigned to me'), event: 'complaint.routed', to: 'assignee', channels: ['in_app'] },
    {
      key: 'notice-approval',
      name: zh('待我审批', 'Approval waiting'),
      event: 'complaint.transitioned',
      to: 'manager',
      channels: ['in_app', 'email'],
      states: ['awaiting_approval'],
    },
  ],
  tests: [
    {
      key: 't-suggestion',
      description: '建议不是有效投诉',
      facts: { complaint: { type: 'suggestion', channel: 'web', text: '建议增加夜间营业时间' } },
      expect: { valid: false, invalidReason: 'is_suggestion' },
    },
    {
      key: 't-malicious',
      description: '敲诈类内容为恶意投诉',
      facts: { complaint: { type: 'billing', channel: 'phone', text: '不给钱就天天来闹，敲诈你们' } },
      expect: { valid: false, invalidReason: 'malicious' },
    },
    {
      key: 't-media-threat',
      description: '扬言曝光为紧急，服务类归客服中心',
      facts: { complaint: { type: 'service.attitude', channel: 'phone', text: '店员态度恶劣，我要找媒体曝光' } },
      expect: { valid: true, severity: 'urgent', department: 'customer_service', slaPolicy: 'standard' },
    },
    {
      key: 't-regulator',
      description: '监管转办为重大，合规部牵头，监管时限',
      facts: { complaint: { type: 'billing', channel: 'regulator', text: '多收费用未退还' } },
      expect: { severity: 'major', department: 'compliance', slaPolicy: 'regulatory' },
    },
    {
      key: 't-product',
      description: '质量异常归质量部，7个工作日',
      facts: { complaint: { type: 'product.defect', channel: 'app', text: '新买的电水壶漏水' } },
      expect: { valid: true, severity: 'normal', department: 'quality', slaPolicy: 'special' },
    },
    {
      key: 't-consultation',
      description: '咨询24小时内答复',
      facts: { complaint: { type: 'consultation', channel: 'web', text: '请问会员积分怎么兑换' } },
      expect: { valid: true, department: 'customer_service', slaPolicy: 'consultation' },
    },
    {
      key: 't-repeat-customer',
      description: '同一客户30天内第二次投诉为紧急',
      facts: { complaint: { type: 'environment', channel: 'visit', text: '门店卫生很差' }, customer: { complaintsLast30Days: 2 } },
      expect: { severity: 'urgent', department: 'operations' },
    },
    {
      key: 't-same-type',
      description: '一个月内3位不同客户同类投诉为紧急',
      facts: { complaint: { type: 'service.efficiency', channel: 'phone', text: '排队太久' }, aggregate: { sameTypeCustomers30d: 3 } },
      expect: { severity: 'urgent', department: 'customer_service' },
    },
    {
      key: 't-billing',
      description: '收费争议归财务部，标准时限',
      facts: { complaint: { type: 'billing', channel: 'email', text: '账单金额与约定不符' } },
      expect: { valid: true, severity: 'normal', department: 'finance', slaPolicy: 'standard' },
    },
  ],
  // The life cycle as data (issue 18): the built-in default, for the administrator to change in the designer.
  workflows: [defaultWorkflow()],
};
