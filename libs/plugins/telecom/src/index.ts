import {
  defineComplaintType,
  defineEventHandler,
  extendDefaultWorkflow,
  taskStep,
  defineField,
  definePlugin,
  defineRulePreset,
  defineSlaPolicy,
  defineTemplate,
  logic,
} from '@redress/sdk';
import { TELECOM_DEMO_COMPLAINTS } from './demo-complaints';
import { areaComplaintsLastHour, normalizeArea } from './mass-fault';

export * from './mass-fault';

const TELECOM_TYPES = ['telecom_network', 'telecom_billing', 'telecom_broadband', 'telecom_service'];

export const telecomMassFaultPreset = defineRulePreset({
  code: 'telecom.mass_fault',
  name: { zh: '批量故障（同一区域一小时内多起投诉）', en: 'Mass fault (many complaints in one area within an hour)' },
  description: {
    zh: '同一网络小区/区域一小时内投诉达到阈值时，判定为批量故障（重大），归并到父工单并派网络运维中心统一处理。',
    en: 'When an area reaches the threshold of complaints within an hour, it is a mass fault (major): grouped under a parent incident and sent to network operations.',
  },
  ruleSet: 'severity',
  args: {
    threshold: { type: 'number', label: { zh: '一小时内同区域投诉数阈值', en: 'Complaints per area per hour' }, default: 10, min: 2 },
  },
  rows: (args) => [
    {
      key: 'mass_fault',
      when: logic.gte('telecom.areaComplaintsLastHour', args.threshold),
      then: 'major',
      priority: 30,
      description: '同一区域一小时内投诉达到阈值',
    },
  ],
});

export const telecomRoutingPreset = defineRulePreset({
  code: 'telecom.routing',
  name: { zh: '电信投诉派单', en: 'Telecom routing' },
  description: {
    zh: '批量故障派网络运维中心；计费争议派计费中心；网络质量派网络优化部；宽带派装维部；其余派客户服务中心。',
    en: 'Mass faults to network operations; billing to the billing center; network to optimisation; broadband to field service; the rest to customer service.',
  },
  ruleSet: 'routing',
  args: {
    massFaultThreshold: {
      type: 'number',
      label: { zh: '批量故障阈值（与分级预设保持一致）', en: 'Mass-fault threshold (keep equal to the severity preset)' },
      default: 10,
      min: 2,
    },
  },
  rows: (args) => [
    { key: 'mass_fault', when: logic.gte('telecom.areaComplaintsLastHour', args.massFaultThreshold), then: { department: 'telecom_noc' } },
    {
      key: 'billing',
      when: logic.or(logic.eq('complaint.type', 'telecom_billing'), logic.oneOf('complaint.form.service', ['billing'])),
      then: { department: 'telecom_billing_center' },
    },
    { key: 'network', when: logic.eq('complaint.type', 'telecom_network'), then: { department: 'telecom_network_optimization' } },
    { key: 'broadband', when: logic.eq('complaint.type', 'telecom_broadband'), then: { department: 'telecom_field_service' } },
    { key: 'telecom_default', when: logic.oneOf('complaint.type', TELECOM_TYPES), then: { department: 'telecom_customer_service' } },
  ],
});

export const telecomAppealPreset = defineRulePreset({
  code: 'telecom.appeal',
  name: { zh: '费用争议申诉期限', en: 'Fee dispute appeal period' },
  description: {
    zh: '费用争议自争议账期（未填写时为发生时间）起超过规定月数的，不予受理。',
    en: 'Fee disputes older than the set number of months (from the billing month, else the occurrence time) are not accepted.',
  },
  ruleSet: 'validity',
  args: {
    appealMonths: { type: 'number', label: { zh: '申诉期限（月）', en: 'Appeal period (months)' }, default: 5, min: 1 },
  },
  rows: (args) => {
    const reason = {
      valid: false,
      reason: 'appeal_period_expired',
      reasonText: {
        zh: `费用争议已超过${args.appealMonths}个月申诉期限，不予受理`,
        en: `Fee dispute older than ${args.appealMonths} months`,
      },
    };
    return [
      {
        key: 'fee_dispute_expired_billing_month',
        when: logic.and(
          logic.eq('complaint.type', 'telecom_billing'),
          logic.present('complaint.form.billing_month'),
          logic.olderThan('complaint.form.billing_month', args.appealMonths, 'months'),
        ),
        then: reason,
        description: '争议账期超过申诉期限',
      },
      {
        key: 'fee_dispute_expired_occurred_at',
        when: logic.and(
          logic.eq('complaint.type', 'telecom_billing'),
          logic.not(logic.present('complaint.form.billing_month')),
          logic.present('complaint.occurredAt'),
          logic.olderThan('complaint.occurredAt', args.appealMonths, 'months'),
        ),
        then: reason,
        description: '发生时间超过申诉期限',
      },
    ];
  },
});

export const telecomSlaPreset = defineRulePreset({
  code: 'telecom.sla',
  name: { zh: '电信处理时限', en: 'Telecom deadlines' },
  description: {
    zh: '30分钟内派单，处理中每30分钟报告进展，15日内处理完毕。',
    en: 'Dispatch within 30 minutes, progress every 30 minutes, resolve within 15 days.',
  },
  ruleSet: 'sla',
  args: {},
  rows: () => [{ key: 'standard', when: logic.oneOf('complaint.type', TELECOM_TYPES), then: 'telecom_standard' }],
});

export const telecomPlugin = definePlugin({
  id: 'telecom',
  version: '0.1.0',
  compatibility: '^0.1.0',
  name: { zh: '电信', en: 'Telecom' },
  description: {
    zh: '电信运营商投诉管理：号码、业务、网络小区；30分钟派单与每30分钟进展报告；批量故障归并；费用争议申诉期限。',
    en: 'Telecom: number, service, network cell; 30-minute dispatch and progress; mass-fault grouping; fee-dispute appeal period.',
  },
  fields: [
    defineField({
      key: 'msisdn',
      label: { zh: '手机号码', en: 'Phone number (MSISDN)' },
      type: 'phone',
      personal: true,
      required: true,
      validation: { pattern: '^1\\d{10}$' },
    }),
    defineField({
      key: 'service',
      label: { zh: '业务类别', en: 'Service' },
      type: 'select',
      options: [
        { value: 'voice', label: { zh: '语音通话', en: 'Voice' } },
        { value: 'data', label: { zh: '数据流量', en: 'Mobile data' } },
        { value: 'broadband', label: { zh: '宽带', en: 'Broadband' } },
        { value: 'billing', label: { zh: '计费/话费', en: 'Billing' } },
        { value: 'roaming', label: { zh: '漫游', en: 'Roaming' } },
        { value: 'value_added', label: { zh: '增值业务', en: 'Value-added services' } },
      ],
    }),
    defineField({
      key: 'cell_area',
      label: { zh: '网络小区/区域编码', en: 'Network cell or area' },
      type: 'text',
      help: { zh: '如 SZ-NS-0231；用于批量故障归并', en: 'e.g. SZ-NS-0231; used to group mass faults' },
    }),
    defineField({
      key: 'billing_month',
      label: { zh: '争议账期', en: 'Disputed billing month' },
      type: 'date',
      help: { zh: '填写账期首日，如 2025-08-01', en: 'First day of the billing month' },
    }),
    defineField({ key: 'disputed_fee', label: { zh: '争议金额（元）', en: 'Disputed fee (CNY)' }, type: 'money', validation: { min: 0 } }),
  ],
  complaintTypes: [
    defineComplaintType({
      key: 'telecom_network',
      workflow: 'telecom_handling',
      name: { zh: '网络质量', en: 'Network quality' },
      kind: 'complaint',
      fields: ['msisdn', 'service', 'cell_area'],
      defaultDepartment: 'telecom_network_optimization',
    }),
    defineComplaintType({
      key: 'telecom_billing',
      name: { zh: '计费争议', en: 'Billing dispute' },
      kind: 'complaint',
      fields: ['msisdn', 'service', 'billing_month', 'disputed_fee'],
      defaultDepartment: 'telecom_billing_center',
    }),
    defineComplaintType({
      key: 'telecom_broadband',
      workflow: 'telecom_handling',
      name: { zh: '宽带装维', en: 'Broadband installation and repair' },
      kind: 'complaint',
      fields: ['msisdn', 'cell_area'],
      defaultDepartment: 'telecom_field_service',
    }),
    defineComplaintType({
      key: 'telecom_service',
      name: { zh: '营业与服务', en: 'Retail and service' },
      kind: 'complaint',
      fields: ['msisdn', 'service'],
      defaultDepartment: 'telecom_customer_service',
    }),
  ],
  severityLevels: [
    { key: 'normal', name: { zh: '一般', en: 'General' }, rank: 1 },
    { key: 'major', name: { zh: '重大（批量故障）', en: 'Major (mass fault)' }, rank: 3, requiresApproval: true },
  ],
  workflows: [
    // 上门维修: a field visit for network and broadband faults, as a task of the field-service department.
    extendDefaultWorkflow({
      key: 'telecom_handling',
      name: { zh: '通信投诉处理流程（含上门维修）', en: 'Telecom handling (with a field visit)' },
      ...taskStep({
        state: 'telecom_field_visit',
        name: { zh: '上门维修', en: 'Field visit' },
        send: { key: 'telecom_dispatch_field', name: { zh: '派单上门', en: 'Send a technician' } },
        done: { key: 'telecom_field_done', name: { zh: '上门完成', en: 'Field visit done' } },
        department: 'telecom_field_service',
        taskTitle: '上门测试并排除故障',
      }),
    }),
  ],
  departments: [
    { key: 'telecom_customer_service', name: { zh: '客户服务中心', en: 'Customer service center' } },
    { key: 'telecom_noc', name: { zh: '网络运维中心', en: 'Network operations center' } },
    { key: 'telecom_network_optimization', name: { zh: '网络优化部', en: 'Network optimisation' } },
    { key: 'telecom_billing_center', name: { zh: '计费中心', en: 'Billing center' } },
    { key: 'telecom_field_service', name: { zh: '装维部', en: 'Field service' } },
  ],
  rulePresets: [telecomAppealPreset, telecomMassFaultPreset, telecomRoutingPreset, telecomSlaPreset],
  slaPolicies: [
    defineSlaPolicy({
      key: 'telecom_standard',
      name: { zh: '电信标准时限', en: 'Telecom standard' },
      targets: [
        { key: 'dispatch', name: { zh: '派单', en: 'Dispatch' }, duration: { amount: 30, kind: 'natural_minutes' }, warnAtPercent: 80 },
        {
          key: 'progress_update',
          name: { zh: '进展报告（每30分钟）', en: 'Progress report (every 30 minutes)' },
          duration: { amount: 30, kind: 'natural_minutes' },
          recurring: true,
          stopWhen: { in: [{ var: 'complaint.state' }, ['resolved', 'closed']] },
        },
        { key: 'resolution', name: { zh: '处理完毕', en: 'Resolution' }, duration: { amount: 15, kind: 'natural_days' } },
      ],
    }),
  ],
  escalations: [
    {
      key: 'telecom_dispatch_breach',
      name: { zh: '超时未派单', en: 'Dispatch overdue' },
      trigger: 'breach',
      target: 'dispatch',
      actions: [{ type: 'notify', to: 'manager' }],
    },
    {
      key: 'telecom_mass_fault',
      name: { zh: '批量故障通知', en: 'Mass fault notice' },
      trigger: 'aggregate',
      when: { '>=': [{ var: 'telecom.areaComplaintsLastHour' }, 10] },
      actions: [{ type: 'notify', to: 'department', template: 'telecom_mass_fault_notice' }],
    },
  ],
  templates: [
    defineTemplate({
      key: 'telecom_mass_fault_notice',
      name: { zh: '批量故障安抚话术', en: 'Mass fault script' },
      kind: 'script',
      typeKeys: ['telecom_network', 'telecom_broadband'],
      body: '{{customer.name}}{{customer.title}}您好，您所在区域的网络故障我们已经掌握，网络运维中心正在全力抢修，预计{{deadline.resolution}}前恢复，给您带来不便深表歉意。投诉编号：{{complaint.number}}。',
    }),
    defineTemplate({
      key: 'telecom_appeal_expired',
      name: { zh: '超过申诉期限答复', en: 'Appeal period expired reply' },
      kind: 'letter',
      typeKeys: ['telecom_billing'],
      body: '{{customer.name}}{{customer.title}}您好：您反映的费用争议（编号{{complaint.number}}）已超过申诉期限，按照相关规定不予受理。如有疑问请拨打客服热线咨询。{{tenant.name}}',
    }),
  ],
  ruleTests: [
    {
      key: 'telecom_mass_fault',
      description: '同区域一小时内第12起投诉为批量故障',
      facts: {
        complaint: { type: 'telecom_network', channel: 'phone', text: '手机没信号', form: { cell_area: 'SZ-NS-0231' } },
        telecom: { areaComplaintsLastHour: 12 },
      },
      expect: { severity: 'major', department: 'telecom_noc', slaPolicy: 'telecom_standard' },
    },
    {
      key: 'telecom_single_network',
      description: '单起网络投诉',
      facts: {
        complaint: { type: 'telecom_network', channel: 'phone', text: '信号差', form: { cell_area: 'SZ-NS-0231' } },
        telecom: { areaComplaintsLastHour: 1 },
      },
      expect: { severity: 'normal', department: 'telecom_network_optimization' },
    },
    {
      key: 'telecom_recent_fee',
      description: '近期账单争议受理',
      facts: {
        now: '2026-01-15T02:00:00.000Z',
        complaint: { type: 'telecom_billing', channel: 'phone', text: '多扣流量费', form: { billing_month: '2025-12-01' } },
      },
      expect: { valid: true, department: 'telecom_billing_center' },
    },
  ],
  facts: {
    'telecom.areaComplaintsLastHour': {
      type: 'number',
      label: { zh: '同区域近一小时投诉数（含本单）', en: 'Complaints in this area in the last hour (this one included)' },
    },
    'telecom.area': { type: 'string', label: { zh: '网络小区/区域（规范化）', en: 'Network area (normalised)' } },
  },
  on: {
    'complaint.submitted': defineEventHandler('complaint.submitted', {
      blocking: (_ctx, event) => ({
        facts: {
          'telecom.areaComplaintsLastHour': areaComplaintsLastHour(event),
          'telecom.area': normalizeArea(event.complaint.form.cell_area) ?? '',
        },
      }),
      timeoutMs: { blocking: 1000 },
    }),
    'complaint.routed': defineEventHandler('complaint.routed', {
      // Complaints routed to network operations join the area's parent incident in the fault-management system.
      after: (ctx, event) => {
        const area = normalizeArea(event.complaint.form.cell_area);
        if (event.routing.department !== 'telecom_noc' || !area) return;
        ctx.outbox.enqueue('parent_incident', {
          area,
          complaintId: event.complaint.id,
          complaintNumber: event.complaint.number,
          eventId: event.id,
        });
      },
    }),
  },
  demoComplaints: TELECOM_DEMO_COMPLAINTS,
});

export default telecomPlugin;
