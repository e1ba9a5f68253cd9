import {
  defineComplaintType,
  defineField,
  extendDefaultWorkflow,
  taskStep,
  definePlugin,
  defineRulePreset,
  defineSlaPolicy,
  defineTemplate,
  logic,
} from '@redress/sdk';
import { JEWELRY_DEMO_COMPLAINTS } from './demo-complaints';

const JEWELRY_TYPES = ['jewelry_quality', 'jewelry_service'];

export const jewelrySeverityPreset = defineRulePreset({
  code: 'jewelry.severity',
  name: { zh: '退换货审批权限与公共危机', en: 'Return approval limits and public crises' },
  description: {
    zh: '顾客要求退货、换货或赔偿且购买金额超过审批限额时，须经审批后方可处理；涉及媒体、消协或法律手段的投诉为重大投诉（公共危机）。',
    en: 'Returns, exchanges or compensation above the approval limit need approval before handling; media, consumer-association or legal threats are major (public crisis).',
  },
  ruleSet: 'severity',
  args: {
    approvalLimit: {
      type: 'number',
      label: { zh: '专柜可自行处理的退换货金额上限（元）', en: 'Return/exchange amount a counter may handle alone (CNY)' },
      default: 5000,
      min: 0,
    },
    approvalHandlings: {
      type: 'string[]',
      label: { zh: '需审批的处理方式', en: 'Handlings that need approval' },
      default: ['return', 'exchange', 'compensation'],
    },
    crisisKeywords: {
      type: 'string[]',
      label: { zh: '公共危机关键词', en: 'Public crisis keywords' },
      default: ['媒体', '曝光', '记者', '消协', '消费者协会', '12315', '市场监管', '律师', '起诉', '假货', '以假充真'],
    },
  },
  rows: (args) => [
    {
      key: 'public_crisis',
      when: logic.containsAny('complaint.text', args.crisisKeywords),
      then: 'major',
      priority: 30,
      description: '涉及媒体、消协或法律手段',
    },
    {
      key: 'above_approval_limit',
      when: logic.and(
        logic.oneOf('complaint.form.requested_handling', args.approvalHandlings),
        logic.gt('complaint.form.purchase_price', args.approvalLimit),
      ),
      then: 'approval_required',
      priority: 20,
      description: '退换货/赔偿金额超过审批限额',
    },
  ],
});

export const jewelryRoutingPreset = defineRulePreset({
  code: 'jewelry.routing',
  name: { zh: '珠宝投诉派单', en: 'Jewelry routing' },
  description: {
    zh: '品质异常交商品质检部；加盟店的员工服务投诉交加盟管理部；直营店的员工服务投诉交营运部。',
    en: 'Quality to QA; franchise staff service to franchise management; direct-store staff service to operations.',
  },
  ruleSet: 'routing',
  args: {},
  rows: () => [
    { key: 'quality', when: logic.eq('complaint.type', 'jewelry_quality'), then: { department: 'jewelry_quality_control' } },
    {
      key: 'franchise_service',
      when: logic.and(logic.eq('complaint.type', 'jewelry_service'), logic.eq('complaint.form.store_mode', 'franchise')),
      then: { department: 'jewelry_franchise' },
    },
    { key: 'direct_service', when: logic.eq('complaint.type', 'jewelry_service'), then: { department: 'jewelry_operations' } },
  ],
});

export const jewelrySlaPreset = defineRulePreset({
  code: 'jewelry.sla',
  name: { zh: '处理时限', en: 'Handling deadline' },
  description: {
    zh: '一般投诉3个工作日内处理完毕；需审批或重大投诉不超过7个工作日。',
    en: '3 working days; 7 when approval is needed or the complaint is major.',
  },
  ruleSet: 'sla',
  args: {},
  rows: () => [
    {
      key: 'special',
      when: logic.and(logic.oneOf('complaint.type', JEWELRY_TYPES), logic.oneOf('severity', ['approval_required', 'major'])),
      then: 'jewelry_special',
    },
    { key: 'standard', when: logic.oneOf('complaint.type', JEWELRY_TYPES), then: 'jewelry_standard' },
  ],
});

const followUp = {
  key: 'follow_up',
  name: { zh: '回访', en: 'Follow-up call' },
  duration: { amount: 2, kind: 'working_days' as const },
  startWhen: { '==': [{ var: 'complaint.state' }, 'resolved'] },
};

export const jewelryPlugin = definePlugin({
  id: 'jewelry',
  version: '0.1.0',
  compatibility: '^0.1.0',
  name: { zh: '珠宝零售', en: 'Jewelry retail' },
  description: {
    zh: '珠宝零售投诉管理：门店/专柜、直营或加盟、商品编码与证书编号、购买日期与金额；品质异常与员工服务两类投诉；退换货审批限额；内部审批单据保密。',
    en: 'Jewelry retail: store/counter, direct or franchise, SKU and certificate, purchase date and price; quality vs staff-service complaints; return approval limits; confidential internal forms.',
  },
  fields: [
    defineField({ key: 'store', label: { zh: '门店', en: 'Store' }, type: 'text', required: true }),
    defineField({ key: 'counter', label: { zh: '专柜', en: 'Counter' }, type: 'text' }),
    defineField({
      key: 'store_mode',
      label: { zh: '经营方式', en: 'Store mode' },
      type: 'select',
      options: [
        { value: 'direct', label: { zh: '直营', en: 'Directly operated' } },
        { value: 'franchise', label: { zh: '加盟', en: 'Franchise' } },
      ],
    }),
    defineField({ key: 'sku', label: { zh: '商品编码（SKU）', en: 'SKU' }, type: 'text' }),
    defineField({ key: 'certificate_no', label: { zh: '鉴定证书编号', en: 'Certificate number' }, type: 'text' }),
    defineField({ key: 'purchase_date', label: { zh: '购买日期', en: 'Purchase date' }, type: 'date' }),
    defineField({
      key: 'purchase_price',
      label: { zh: '购买金额（元）', en: 'Purchase price (CNY)' },
      type: 'money',
      validation: { min: 0 },
    }),
    defineField({
      key: 'requested_handling',
      label: { zh: '顾客诉求', en: 'Requested handling' },
      type: 'select',
      options: [
        { value: 'return', label: { zh: '退货', en: 'Return' } },
        { value: 'exchange', label: { zh: '换货', en: 'Exchange' } },
        { value: 'repair', label: { zh: '维修', en: 'Repair' } },
        { value: 'compensation', label: { zh: '赔偿', en: 'Compensation' } },
        { value: 'apology', label: { zh: '道歉', en: 'Apology' } },
      ],
    }),
  ],
  complaintTypes: [
    defineComplaintType({
      key: 'jewelry_quality',
      workflow: 'jewelry_handling',
      name: { zh: '品质异常', en: 'Quality anomaly' },
      kind: 'complaint',
      fields: ['store', 'counter', 'store_mode', 'sku', 'certificate_no', 'purchase_date', 'purchase_price', 'requested_handling'],
      defaultSeverity: 'normal',
      defaultDepartment: 'jewelry_quality_control',
    }),
    defineComplaintType({
      key: 'jewelry_service',
      workflow: 'jewelry_handling',
      name: { zh: '员工服务', en: 'Staff service' },
      kind: 'complaint',
      fields: ['store', 'counter', 'store_mode', 'requested_handling'],
      defaultSeverity: 'normal',
      defaultDepartment: 'jewelry_operations',
    }),
  ],
  severityLevels: [
    { key: 'normal', name: { zh: '一般', en: 'General' }, rank: 1 },
    { key: 'approval_required', name: { zh: '需审批', en: 'Needs approval' }, rank: 2, requiresApproval: true },
    { key: 'major', name: { zh: '重大（公共危机）', en: 'Major (public crisis)' }, rank: 3, requiresApproval: true },
  ],
  workflows: [
    // 送检: quality complaints go to the quality department's lab before the store answers (the jewelry manual's
    // inspection step); the reply waits until the inspection task is done.
    extendDefaultWorkflow({
      key: 'jewelry_handling',
      name: { zh: '珠宝投诉处理流程（含送检）', en: 'Jewelry handling (with inspection)' },
      ...taskStep({
        state: 'jewelry_inspection',
        name: { zh: '送检中', en: 'At inspection' },
        send: { key: 'jewelry_send_inspection', name: { zh: '商品送检', en: 'Send for inspection' } },
        done: { key: 'jewelry_inspection_done', name: { zh: '检测完成', en: 'Inspection done' } },
        department: 'jewelry_quality_control',
        taskTitle: '商品送检并出具检测结论',
      }),
    }),
  ],
  departments: [
    { key: 'jewelry_service_center', name: { zh: '客户服务中心', en: 'Customer service center' } },
    { key: 'jewelry_quality_control', name: { zh: '商品质检部', en: 'Quality control' } },
    { key: 'jewelry_operations', name: { zh: '营运部（直营）', en: 'Operations (direct stores)' } },
    { key: 'jewelry_franchise', name: { zh: '加盟管理部', en: 'Franchise management' } },
  ],
  rulePresets: [jewelrySeverityPreset, jewelryRoutingPreset, jewelrySlaPreset],
  slaPolicies: [
    defineSlaPolicy({
      key: 'jewelry_standard',
      name: { zh: '一般投诉（3个工作日）', en: 'Standard (3 working days)' },
      targets: [
        { key: 'acknowledge', duration: { amount: 24, kind: 'natural_hours' } },
        { key: 'resolution', duration: { amount: 3, kind: 'working_days' } },
        followUp,
      ],
    }),
    defineSlaPolicy({
      key: 'jewelry_special',
      name: { zh: '特殊投诉（7个工作日）', en: 'Special (7 working days)' },
      targets: [
        { key: 'acknowledge', duration: { amount: 24, kind: 'natural_hours' } },
        { key: 'resolution', duration: { amount: 7, kind: 'working_days' } },
        followUp,
      ],
    }),
  ],
  escalations: [
    {
      key: 'jewelry_resolution_breach',
      name: { zh: '逾期未处理上报客户服务中心', en: 'Overdue: report to the service center' },
      trigger: 'breach',
      target: 'resolution',
      actions: [
        { type: 'reassign', department: 'jewelry_service_center' },
        { type: 'notify', to: 'manager' },
      ],
    },
  ],
  templates: [
    defineTemplate({
      key: 'jewelry_quality_script',
      name: { zh: '品质异常接待话术', en: 'Quality complaint script' },
      kind: 'script',
      typeKeys: ['jewelry_quality'],
      body: '{{customer.name}}{{customer.title}}，非常理解您的心情，给您带来不便实在抱歉。您的投诉编号是{{complaint.number}}，我们会将商品送检并在{{deadline.resolution}}前给您答复。',
    }),
    defineTemplate({
      key: 'jewelry_return_approval',
      name: { zh: '退换货审批单（内部·机密）', en: 'Return approval form (internal, confidential)' },
      kind: 'notice',
      internal: true,
      body: '【公司机密，仅限内部审批使用，不得复印、外传】\n投诉编号：{{complaint.number}}\n投诉类型：{{complaint.typeName}}\n处理方案：{{reply.solution}}\n原因分析：{{reply.rootCause}}\n责任部门：{{department.name}}  经办人：{{handler.name}}',
    }),
  ],
  ruleTests: [
    {
      key: 'jewelry_small_exchange',
      description: '限额内换货为一般',
      facts: {
        complaint: {
          type: 'jewelry_quality',
          channel: 'visit',
          text: '项链扣头松动，要求换货',
          form: { requested_handling: 'exchange', purchase_price: 2600 },
        },
      },
      expect: { severity: 'normal', department: 'jewelry_quality_control', slaPolicy: 'jewelry_standard' },
    },
    {
      key: 'jewelry_large_return',
      description: '超限额退货需审批',
      facts: {
        complaint: {
          type: 'jewelry_quality',
          channel: 'phone',
          text: '钻戒主石脱落，要求退货',
          form: { requested_handling: 'return', purchase_price: 18800 },
        },
      },
      expect: { severity: 'approval_required', slaPolicy: 'jewelry_special' },
    },
    {
      key: 'jewelry_franchise_service',
      description: '加盟店服务投诉',
      facts: { complaint: { type: 'jewelry_service', channel: 'phone', text: '店员态度恶劣', form: { store_mode: 'franchise' } } },
      expect: { department: 'jewelry_franchise' },
    },
  ],
  demoComplaints: JEWELRY_DEMO_COMPLAINTS,
});

export default jewelryPlugin;
