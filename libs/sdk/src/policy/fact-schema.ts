import type { FactField, FactSchema, FactType } from '@redress/rules';
import type { FieldDefinition, FieldType, PolicyDocument } from './types';

const t = (type: FactType, zh: string, en: string, options?: string[]): FactField => ({
  type,
  label: { zh, en },
  ...(options ? { options } : {}),
});

/**
 * Facts every complaint has, whatever the tenant configures. Rules read them with `{"var": "complaint.channel"}`.
 * The intake pipeline assembles exactly this shape (see apps/api complaint facts).
 */
export const SYSTEM_FACTS: Record<string, FactField> = {
  now: t('datetime', '当前时间（评估时刻）', 'Evaluation time'),
  'complaint.channel': t('string', '渠道', 'Channel'),
  'complaint.type': t('string', '投诉类型', 'Complaint type key'),
  'complaint.typePath': t('string', '类型路径（如 service/attitude）', 'Type path (e.g. service/attitude)'),
  'complaint.kind': t('string', '性质（投诉/建议/咨询）', 'Kind (complaint/suggestion/consultation)', [
    'complaint',
    'suggestion',
    'consultation',
  ]),
  'complaint.text': t('string', '投诉内容', 'Complaint text'),
  'complaint.title': t('string', '标题', 'Title'),
  'complaint.requestedRemedy': t('string', '诉求', 'Requested remedy'),
  'complaint.reference': t('string', '订单/业务编号', 'Order or reference number'),
  'complaint.occurredAt': t('datetime', '发生时间', 'Occurred at'),
  'complaint.receivedAt': t('datetime', '受理时间', 'Received at'),
  'complaint.attachmentCount': t('number', '附件数', 'Number of attachments'),
  'complaint.state': t('string', '状态', 'State'),
  'complaint.stateCategory': t('string', '状态类别（处理中/等待/已关闭）', 'State category (open / waiting / closed)', [
    'open',
    'waiting',
    'closed',
  ]),
  'complaint.severity': t('string', '严重程度', 'Severity level key'),
  'complaint.department': t('string', '责任部门', 'Responsible department key'),
  'complaint.departmentsInvolved': t('number', '涉及部门数', 'Departments involved'),
  'complaint.reopenCount': t('number', '重新打开次数', 'Times reopened'),
  'complaint.unsatisfiedCount': t('number', '回访不满意次数', 'Unsatisfied follow-ups'),
  'customer.complaintsLast30Days': t(
    'number',
    '该客户近30天有效投诉数（含本单）',
    'Valid complaints by this customer in the last 30 days (this one included)',
  ),
  'customer.complaintsTotal': t(
    'number',
    '该客户历史有效投诉数（含本单）',
    'Valid complaints by this customer in total (this one included)',
  ),
  'customer.hasPhone': t('boolean', '有联系电话', 'Has a phone number'),
  'customer.reference': t('string', '客户/账户编号', 'Customer or account reference'),
  'aggregate.sameTypeCustomers30d': t(
    'number',
    '近30天同类型有效投诉的不同客户数（含本客户；最多计到1000）',
    'Distinct customers with a valid complaint of the same type in 30 days (this customer included; counted up to 1,000)',
  ),
  'aggregate.sameCauseCustomers30d': t(
    'number',
    '近30天同原因有效投诉的不同客户数（含本客户；原因取已确认原因，否则取预测原因；本单无预测原因时为0；最多计到1000）',
    'Distinct customers with a valid complaint of the same cause in 30 days (this customer included; cause = confirmed, else predicted; 0 when this complaint has no predicted cause; counted up to 1,000)',
  ),
  'aggregate.sameReferenceCount': t(
    'number',
    '同一订单/编号的有效投诉数（含本单；未填编号时为0）',
    'Valid complaints on the same order/reference number (this one included; 0 without a reference)',
  ),
  'time.hourOfDay': t('number', '受理时刻（时）', 'Hour of day received'),
  'time.weekday': t('number', '受理星期（0=周日）', 'Weekday received (0 = Sunday)'),
  'time.isWorkingDay': t('boolean', '受理日为工作日', 'Received on a working day'),
  'prediction.cause': t('string', '预测原因', 'Predicted cause'),
  'finding.codes': t('string[]', '调查结论（已记录的结论代码）', 'Findings recorded after investigation (codes)'),
  'finding.validity': t('string', '有效性调查结论（最近一次）', 'Latest validity finding (code)'),
  'prediction.confidence': t('number', '预测置信度', 'Prediction confidence'),
  'validity.valid': t('boolean', '有效投诉', 'Valid complaint'),
  'validity.reason': t('string', '无效原因', 'Invalid reason'),
  severity: t('string', '严重程度（已判定）', 'Decided severity'),
};

const FIELD_FACT_TYPE: Record<FieldType, FactType> = {
  text: 'string',
  long_text: 'string',
  number: 'number',
  money: 'number',
  date: 'date',
  datetime: 'datetime',
  select: 'string',
  multi_select: 'string[]',
  boolean: 'boolean',
  phone: 'string',
  email: 'string',
  id_number: 'string',
  reference: 'string',
  attachment: 'string[]',
};

export function fieldFactType(field: FieldDefinition): FactType {
  return FIELD_FACT_TYPE[field.type];
}

/** The facts a rule of this policy may read: system facts, the tenant's form fields and plugin facts. */
export function factSchemaFor(
  policy: Pick<PolicyDocument, 'fields' | 'complaintTypes' | 'channels' | 'severityLevels' | 'findingCodes'>,
  extra: Record<string, FactField> = {},
): FactSchema {
  const fields: Record<string, FactField> = { ...SYSTEM_FACTS };
  fields['complaint.type'] = { ...fields['complaint.type'], options: policy.complaintTypes.map((x) => x.key) };
  fields['complaint.channel'] = { ...fields['complaint.channel'], options: policy.channels.map((x) => x.key) };
  fields['severity'] = { ...fields['severity'], options: policy.severityLevels.map((x) => x.key) };
  const findings = policy.findingCodes ?? [];
  fields['finding.codes'] = { ...fields['finding.codes'], options: findings.map((x) => x.key) };
  fields['finding.validity'] = {
    ...fields['finding.validity'],
    options: findings.filter((x) => x.kind === 'validity_criterion').map((x) => x.key),
  };
  for (const field of policy.fields) {
    fields[`complaint.form.${field.key}`] = {
      type: fieldFactType(field),
      label: { zh: field.label.zh, en: field.label.en ?? field.label.zh },
      ...(field.options ? { options: field.options.map((o) => o.value) } : {}),
    };
  }
  return { fields: { ...fields, ...extra } };
}

/** Variables a reply template may use. */
export const TEMPLATE_VARIABLES: Record<string, { zh: string; en: string }> = {
  'tenant.name': { zh: '公司名称', en: 'Company name' },
  'customer.name': { zh: '客户姓名', en: 'Customer name' },
  'customer.title': { zh: '客户称谓（先生/女士）', en: 'Customer salutation' },
  'complaint.number': { zh: '投诉编号', en: 'Complaint number' },
  'complaint.typeName': { zh: '投诉类型', en: 'Complaint type' },
  'complaint.receivedAt': { zh: '受理时间', en: 'Received at' },
  'complaint.text': { zh: '投诉内容', en: 'Complaint text' },
  'complaint.reference': { zh: '订单/业务编号', en: 'Reference number' },
  'complaint.severityName': { zh: '严重程度', en: 'Severity' },
  'department.name': { zh: '责任部门', en: 'Responsible department' },
  'handler.name': { zh: '处理人', en: 'Handler' },
  'deadline.acknowledge': { zh: '受理确认时限', en: 'Acknowledgement deadline' },
  'deadline.dispatch': { zh: '派单时限', en: 'Dispatch deadline' },
  'deadline.first_response': { zh: '首次响应时限', en: 'First response deadline' },
  'deadline.resolution': { zh: '处理完成时限', en: 'Resolution deadline' },
  'deadline.follow_up': { zh: '回访时限', en: 'Follow-up deadline' },
  'deadline.regulatory_answer': { zh: '监管答复时限', en: 'Regulatory answer deadline' },
  'reply.solution': { zh: '处理方案', en: 'Solution' },
  'reply.rootCause': { zh: '原因分析', en: 'Root cause' },
  'extension.reason': { zh: '延期原因', en: 'Extension reason' },
  'extension.newDeadline': { zh: '延期后时限', en: 'New deadline' },
};

/** `{{ name }}` occurrences in a template body. */
export function templateVariables(body: string): string[] {
  return [...body.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]);
}
