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
  type ComplaintSnapshot,
} from '@redress/sdk';
import { PROPERTY_DEMO_COMPLAINTS } from './demo-complaints';

const PROPERTY_TYPES = [
  'property_repair',
  'property_house_quality',
  'property_environment',
  'property_security',
  'property_fee',
  'property_service',
];

const FINDING = 'complaint.form.investigation_finding';

const invalid = (reason: string, zh: string, en: string) => ({ valid: false, reason, reasonText: { zh, en } });

/**
 * The 11 criteria of an invalid complaint from the property-management procedure (§3.3). Criteria that can be seen at
 * intake use keywords or fields; the others are decided by the handler's investigation finding, after which the
 * complaint is re-assessed and closed with the reason (never deleted).
 */
export const propertyValidityPreset = defineRulePreset({
  code: 'property.invalid',
  name: { zh: '无效投诉判定（11条）', en: 'Invalid complaint criteria (11)' },
  description: {
    zh: '依据《客户投诉管理》3.3条：建议、误解、无明确诉求、私下交易、事先知情、无理要求、非权利人、对象不明、与事实不符、超出服务范围、违反法律法规。',
    en: 'Per §3.3 of the procedure: suggestion, misunderstanding, no clear demand, private deal, known defect, unreasonable demand, not the rights holder, unclear object, contrary to facts, beyond the service promise, unlawful.',
  },
  ruleSet: 'validity',
  args: {
    suggestionKeywords: {
      type: 'string[]',
      label: { zh: '合理化建议关键词', en: 'Suggestion keywords' },
      default: ['我建议', '提个建议', '合理化建议', '希望能增加'],
    },
    privateDealKeywords: {
      type: 'string[]',
      label: { zh: '私下交易/非法渠道关键词', en: 'Private deal keywords' },
      default: ['私下交易', '私下购买', '黄牛', '非正规渠道', '内部认购', '私下转让'],
    },
    unreasonableDemandKeywords: {
      type: 'string[]',
      label: { zh: '无理要求关键词', en: 'Unreasonable demand keywords' },
      default: ['精神损失费', '免交全部物业费', '赔偿一百万', '终身免费'],
    },
    rightsHolderTypes: {
      type: 'string[]',
      label: { zh: '须由房屋权利人投诉的类型', en: 'Types only the rights holder may raise' },
      default: ['property_house_quality'],
    },
    outOfScopeKeywords: {
      type: 'string[]',
      label: { zh: '超出服务范围关键词', en: 'Out-of-scope keywords' },
      default: ['房价下跌', '学区划分', '市政道路', '地铁规划', '快递丢件', '邻居吵架'],
    },
    unlawfulKeywords: {
      type: 'string[]',
      label: { zh: '违法诉求关键词', en: 'Unlawful demand keywords' },
      default: ['允许搭建', '违章搭建', '占用消防通道', '拆除承重墙', '群租'],
    },
  },
  rows: (args) => [
    {
      key: 'suggestion',
      when: logic.or(logic.eq('complaint.kind', 'suggestion'), logic.containsAny('complaint.text', args.suggestionKeywords)),
      then: invalid('suggestion_not_complaint', '客户提供的合理化意见或建议', 'A suggestion, not a complaint'),
      description: '3.3.1',
    },
    {
      key: 'misunderstanding',
      when: logic.eq(FINDING, 'misunderstanding'),
      then: invalid('customer_misunderstanding', '由于客户的误解或曲解所引发的投诉', "Caused by the customer's misunderstanding"),
      description: '3.3.2',
    },
    {
      key: 'no_clear_demand',
      when: logic.eq(FINDING, 'no_clear_demand'),
      then: invalid('no_clear_demand', '没有明确的诉求或者没有真实准确的被投诉方', 'No clear demand or no real respondent'),
      description: '3.3.3',
    },
    {
      key: 'private_deal',
      when: logic.or(logic.eq(FINDING, 'private_deal'), logic.containsAny('complaint.text', args.privateDealKeywords)),
      then: invalid(
        'private_or_illegal_channel',
        '客户个人私下交易或通过非法渠道购买产品、接受服务引发的争议',
        'Private deal or illegal channel',
      ),
      description: '3.3.4',
    },
    {
      key: 'known_defect',
      when: logic.eq(FINDING, 'known_before_purchase'),
      then: invalid(
        'defect_known_before_purchase',
        '投诉的产品或服务瑕疵在购买或接受之前已经知道或应该知道',
        'Defect known before purchase',
      ),
      description: '3.3.5',
    },
    {
      key: 'unreasonable_demand',
      when: logic.or(logic.eq(FINDING, 'unreasonable_demand'), logic.containsAny('complaint.text', args.unreasonableDemandKeywords)),
      then: invalid('unreasonable_demand', '客户提出无依据或不可量化的要求及赔偿', 'Unfounded or unquantifiable demand'),
      description: '3.3.6',
    },
    {
      key: 'not_rights_holder',
      when: logic.and(
        logic.oneOf('complaint.type', args.rightsHolderTypes),
        logic.present('complaint.form.owner_status'),
        logic.ne('complaint.form.owner_status', 'owner'),
      ),
      then: invalid('not_rights_holder', '投诉指向所购商品房时，投诉人非该商品房权利人', "Complainant is not the property's rights holder"),
      description: '3.3.7',
    },
    {
      key: 'object_unclear',
      when: logic.eq(FINDING, 'unverifiable'),
      then: invalid('object_unclear', '投诉的对象、内容不明确，无法进一步查实', 'Object or content unclear and unverifiable'),
      description: '3.3.8',
    },
    {
      key: 'contrary_to_facts',
      when: logic.eq(FINDING, 'contrary_to_facts'),
      then: invalid('contrary_to_facts', '投诉内容经查证与事实情况严重不符', 'Seriously contrary to the facts'),
      description: '3.3.9',
    },
    {
      key: 'beyond_scope',
      when: logic.or(logic.eq(FINDING, 'beyond_scope'), logic.containsAny('complaint.text', args.outOfScopeKeywords)),
      then: invalid('beyond_service_scope', '投诉内容超出了公司的服务承诺和范围', 'Outside the service promise'),
      description: '3.3.10',
    },
    {
      key: 'unlawful',
      when: logic.or(logic.eq(FINDING, 'unlawful'), logic.containsAny('complaint.text', args.unlawfulKeywords)),
      then: invalid('contrary_to_law', '不符合相关法律、法规规定', 'Contrary to law or regulation'),
      description: '3.3.11',
    },
  ],
});

export const propertySeverityPreset = defineRulePreset({
  code: 'property.severity',
  name: { zh: '物业投诉分级', en: 'Property severity' },
  description: {
    zh: '涉及人身安全、群体投诉或媒体曝光为重大投诉；漏水、停水停电、电梯困人为紧急。',
    en: 'Safety, group complaints or media are major; leaks, outages and trapped lifts are urgent.',
  },
  ruleSet: 'severity',
  args: {
    majorKeywords: {
      type: 'string[]',
      label: { zh: '重大投诉关键词', en: 'Major keywords' },
      default: ['受伤', '人身安全', '多户业主', '集体投诉', '媒体', '曝光', '12345', '住建局'],
    },
    urgentKeywords: {
      type: 'string[]',
      label: { zh: '紧急投诉关键词', en: 'Urgent keywords' },
      default: ['漏水', '渗水', '停水', '停电', '电梯困人', '困在电梯', '燃气', '堵塞'],
    },
  },
  rows: (args) => [
    { key: 'major', when: logic.containsAny('complaint.text', args.majorKeywords), then: 'major', priority: 30 },
    { key: 'urgent', when: logic.containsAny('complaint.text', args.urgentKeywords), then: 'urgent', priority: 20 },
  ],
});

export const propertyRoutingPreset = defineRulePreset({
  code: 'property.routing',
  name: { zh: '物业投诉派单', en: 'Property routing' },
  description: {
    zh: '报修与房屋质量派工程部；环境派环境部；安全秩序派秩序部；收费争议派财务部；其余派客服中心。',
    en: 'Repairs and house quality to engineering; environment; security; fees to finance; the rest to the service center.',
  },
  ruleSet: 'routing',
  args: {},
  rows: () => [
    {
      key: 'engineering',
      when: logic.oneOf('complaint.type', ['property_repair', 'property_house_quality']),
      then: { department: 'property_engineering' },
    },
    { key: 'environment', when: logic.eq('complaint.type', 'property_environment'), then: { department: 'property_environment' } },
    { key: 'security', when: logic.eq('complaint.type', 'property_security'), then: { department: 'property_security' } },
    { key: 'fee', when: logic.eq('complaint.type', 'property_fee'), then: { department: 'property_finance' } },
    { key: 'property_default', when: logic.oneOf('complaint.type', PROPERTY_TYPES), then: { department: 'property_service_center' } },
  ],
});

export const propertySlaPreset = defineRulePreset({
  code: 'property.sla',
  name: { zh: '物业处理时限', en: 'Property deadlines' },
  description: {
    zh: '投诉3个工作日内处理完毕，特殊情况（重大投诉）不超过7个工作日；处理后1-2个工作日内回访。',
    en: '3 working days; major ones at most 7; follow-up within 2 working days.',
  },
  ruleSet: 'sla',
  args: {},
  rows: () => [
    {
      key: 'special',
      when: logic.and(logic.oneOf('complaint.type', PROPERTY_TYPES), logic.eq('severity', 'major')),
      then: 'property_special',
    },
    { key: 'standard', when: logic.oneOf('complaint.type', PROPERTY_TYPES), then: 'property_standard' },
  ],
});

/** The repair work order for a routed repair complaint, or null when the complaint is not a repair. */
export function repairWorkOrder(complaint: ComplaintSnapshot): Record<string, unknown> | null {
  if (complaint.type !== 'property_repair') return null;
  const text = (key: string) => (typeof complaint.form[key] === 'string' ? (complaint.form[key] as string) : null);
  return {
    complaintId: complaint.id,
    complaintNumber: complaint.number,
    project: text('project'),
    building: text('building'),
    unit: text('unit'),
    description: complaint.text,
    department: complaint.department,
    urgent: complaint.severity === 'urgent' || complaint.severity === 'major',
  };
}

const followUp = {
  key: 'follow_up',
  name: { zh: '回访', en: 'Follow-up call' },
  duration: { amount: 2, kind: 'working_days' as const },
  startWhen: { '==': [{ var: 'complaint.state' }, 'resolved'] },
};

export const propertyPlugin = definePlugin({
  id: 'property',
  version: '0.1.0',
  compatibility: '^0.1.0',
  name: { zh: '物业管理', en: 'Property management' },
  description: {
    zh: '物业服务企业投诉管理：项目、楼栋、单元、业主身份；11条无效投诉判定；报修自动生成维修工单。',
    en: 'Property management: project, building, unit, owner status; the 11 invalid-complaint criteria; repair work orders.',
  },
  settings: {
    workOrderSystem: { type: 'string', label: { zh: '维修工单系统标识', en: 'Work-order system id' }, default: 'internal' },
  },
  fields: [
    defineField({ key: 'project', label: { zh: '项目（小区）', en: 'Project' }, type: 'text', required: true }),
    defineField({ key: 'building', label: { zh: '楼栋', en: 'Building' }, type: 'text' }),
    defineField({ key: 'unit', label: { zh: '单元/房号', en: 'Unit' }, type: 'text' }),
    defineField({
      key: 'owner_status',
      label: { zh: '投诉人身份', en: 'Complainant status' },
      type: 'select',
      options: [
        { value: 'owner', label: { zh: '业主', en: 'Owner' } },
        { value: 'tenant', label: { zh: '租户', en: 'Tenant' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    }),
    defineField({
      key: 'investigation_finding',
      label: { zh: '核查结论', en: 'Investigation finding' },
      type: 'select',
      options: [
        { value: 'pending', label: { zh: '待核查', en: 'Pending' } },
        { value: 'valid', label: { zh: '情况属实', en: 'Confirmed' } },
        { value: 'misunderstanding', label: { zh: '客户误解', en: 'Misunderstanding' } },
        { value: 'no_clear_demand', label: { zh: '无明确诉求或被投诉方', en: 'No clear demand' } },
        { value: 'private_deal', label: { zh: '私下交易/非法渠道', en: 'Private deal' } },
        { value: 'known_before_purchase', label: { zh: '购买前已知瑕疵', en: 'Known before purchase' } },
        { value: 'unreasonable_demand', label: { zh: '无理要求', en: 'Unreasonable demand' } },
        { value: 'unverifiable', label: { zh: '对象不明无法查实', en: 'Unverifiable' } },
        { value: 'contrary_to_facts', label: { zh: '与事实严重不符', en: 'Contrary to facts' } },
        { value: 'beyond_scope', label: { zh: '超出服务范围', en: 'Beyond scope' } },
        { value: 'unlawful', label: { zh: '违反法律法规', en: 'Unlawful' } },
      ],
    }),
  ],
  complaintTypes: [
    defineComplaintType({
      key: 'property_repair',
      workflow: 'property_handling',
      name: { zh: '报修维修', en: 'Repairs' },
      kind: 'complaint',
      fields: ['project', 'building', 'unit', 'owner_status', 'investigation_finding'],
      defaultDepartment: 'property_engineering',
    }),
    defineComplaintType({
      key: 'property_house_quality',
      workflow: 'property_handling',
      name: { zh: '房屋质量', en: 'House quality' },
      kind: 'complaint',
      fields: ['project', 'building', 'unit', 'owner_status', 'investigation_finding'],
      defaultDepartment: 'property_engineering',
    }),
    defineComplaintType({
      key: 'property_environment',
      name: { zh: '环境卫生与绿化', en: 'Cleaning and landscaping' },
      kind: 'complaint',
      fields: ['project', 'building', 'owner_status', 'investigation_finding'],
      defaultDepartment: 'property_environment',
    }),
    defineComplaintType({
      key: 'property_security',
      name: { zh: '安全秩序', en: 'Security and order' },
      kind: 'complaint',
      fields: ['project', 'building', 'owner_status', 'investigation_finding'],
      defaultDepartment: 'property_security',
    }),
    defineComplaintType({
      key: 'property_fee',
      name: { zh: '收费争议', en: 'Fee dispute' },
      kind: 'complaint',
      fields: ['project', 'building', 'unit', 'owner_status', 'investigation_finding'],
      defaultDepartment: 'property_finance',
    }),
    defineComplaintType({
      key: 'property_service',
      name: { zh: '服务态度', en: 'Service attitude' },
      kind: 'complaint',
      fields: ['project', 'owner_status', 'investigation_finding'],
      defaultDepartment: 'property_service_center',
    }),
  ],
  severityLevels: [
    { key: 'normal', name: { zh: '一般', en: 'General' }, rank: 1 },
    { key: 'urgent', name: { zh: '紧急', en: 'Urgent' }, rank: 2 },
    { key: 'major', name: { zh: '重大', en: 'Major' }, rank: 3, requiresApproval: true },
  ],
  workflows: [
    // 上门查看: the engineer sees the defect on site before the answer (repairs and house quality).
    extendDefaultWorkflow({
      key: 'property_handling',
      name: { zh: '物业投诉处理流程（含上门查看）', en: 'Property handling (with a site visit)' },
      ...taskStep({
        state: 'property_site_visit',
        name: { zh: '上门查看', en: 'Site visit' },
        send: { key: 'property_visit', name: { zh: '安排上门查看', en: 'Arrange a site visit' } },
        done: { key: 'property_visit_done', name: { zh: '查看完成', en: 'Site visit done' } },
        department: 'property_engineering',
        taskTitle: '上门查看并记录',
      }),
    }),
  ],
  departments: [
    { key: 'property_service_center', name: { zh: '客服中心', en: 'Service center' } },
    { key: 'property_engineering', name: { zh: '工程部', en: 'Engineering' } },
    { key: 'property_environment', name: { zh: '环境部', en: 'Environment' } },
    { key: 'property_security', name: { zh: '秩序部', en: 'Security' } },
    { key: 'property_finance', name: { zh: '财务部', en: 'Finance' } },
  ],
  rulePresets: [propertyValidityPreset, propertySeverityPreset, propertyRoutingPreset, propertySlaPreset],
  slaPolicies: [
    defineSlaPolicy({
      key: 'property_standard',
      name: { zh: '一般投诉（3个工作日）', en: 'Standard (3 working days)' },
      targets: [
        { key: 'first_response', duration: { amount: 24, kind: 'natural_hours' } },
        { key: 'resolution', duration: { amount: 3, kind: 'working_days' } },
        followUp,
      ],
    }),
    defineSlaPolicy({
      key: 'property_special',
      name: { zh: '特殊投诉（7个工作日）', en: 'Special (7 working days)' },
      targets: [
        { key: 'first_response', duration: { amount: 2, kind: 'natural_hours' } },
        { key: 'resolution', duration: { amount: 7, kind: 'working_days' } },
        followUp,
      ],
    }),
  ],
  escalations: [
    {
      key: 'property_half_month',
      name: { zh: '逾期未解决升级', en: 'Unresolved: escalate' },
      trigger: 'breach',
      target: 'resolution',
      actions: [
        { type: 'raise_severity', to: 'major' },
        { type: 'notify', to: 'manager' },
      ],
    },
  ],
  templates: [
    defineTemplate({
      key: 'property_invalid_reply',
      name: { zh: '无效投诉答复函', en: 'Invalid complaint reply' },
      kind: 'letter',
      body: '尊敬的{{customer.name}}{{customer.title}}：\n感谢您对{{tenant.name}}物业服务的关注。经核查，您反映的问题（编号{{complaint.number}}）{{reply.rootCause}}，不属于我司有效投诉范围。如有疑问，欢迎致电客服中心，我们将耐心为您解答。',
    }),
    defineTemplate({
      key: 'property_repair_script',
      name: { zh: '报修受理话术', en: 'Repair intake script' },
      kind: 'script',
      typeKeys: ['property_repair'],
      body: '{{customer.name}}{{customer.title}}您好，您的报修已受理（编号{{complaint.number}}），工程部师傅将尽快与您联系上门，预计{{deadline.resolution}}前处理完毕。',
    }),
  ],
  ruleTests: [
    {
      key: 'property_tenant_house_quality',
      description: '租户投诉房屋质量：非权利人',
      facts: {
        complaint: {
          type: 'property_house_quality',
          kind: 'complaint',
          channel: 'phone',
          text: '墙面开裂',
          form: { owner_status: 'tenant' },
        },
      },
      expect: { valid: false, invalidReason: 'not_rights_holder' },
    },
    {
      key: 'property_owner_leak',
      description: '业主报修漏水：有效、紧急、工程部',
      facts: {
        complaint: {
          type: 'property_repair',
          kind: 'complaint',
          channel: 'phone',
          text: '卫生间天花板漏水',
          form: { owner_status: 'owner' },
        },
      },
      expect: { valid: true, severity: 'urgent', department: 'property_engineering', slaPolicy: 'property_standard' },
    },
    {
      key: 'property_suggestion',
      description: '建议不是投诉',
      facts: { complaint: { type: 'property_environment', kind: 'suggestion', channel: 'web', text: '希望能增加儿童游乐设施' } },
      expect: { valid: false, invalidReason: 'suggestion_not_complaint' },
    },
  ],
  on: {
    'complaint.routed': defineEventHandler('complaint.routed', {
      // Repairs become work orders in the maintenance system as soon as a department owns them.
      after: (ctx, event) => {
        const order = repairWorkOrder({ ...event.complaint, department: event.routing.department });
        if (order) ctx.outbox.enqueue('work_order', { ...order, system: ctx.settings.workOrderSystem, eventId: event.id });
      },
    }),
  },
  demoComplaints: PROPERTY_DEMO_COMPLAINTS,
});

export default propertyPlugin;
