import type { CompiledPolicy } from '../policy/engine/compiled-policy';

/** The languages exports are written in: the requesting user's console language (issue 20 "CSV headers and values"). */
export type ExportLocale = 'zh-CN' | 'en';
export const exportLocaleOf = (value: unknown): ExportLocale => (value === 'en' ? 'en' : 'zh-CN');

type Text = { zh: string; en: string };
const t = (zh: string, en: string): Text => ({ zh, en });

/** Column headers of the complaint list export by column key. */
export const COMPLAINT_HEADERS: Record<string, Text> = {
  number: t('投诉编号', 'Number'),
  received_at: t('受理时间', 'Received'),
  channel: t('渠道', 'Channel'),
  type: t('投诉类型', 'Type'),
  kind: t('类别', 'Kind'),
  severity: t('严重程度', 'Severity'),
  department: t('责任部门', 'Department'),
  state: t('状态', 'State'),
  valid: t('有效', 'Valid'),
  invalid_reason: t('无效原因', 'Invalid because'),
  cause: t('投诉原因', 'Cause'),
  sla_status: t('时限状态', 'SLA status'),
  resolution_due_at: t('处理期限', 'Resolution due'),
  responded_at: t('答复时间', 'Responded'),
  closed_at: t('结案时间', 'Closed'),
  satisfaction: t('满意度', 'Satisfaction'),
  satisfaction_score: t('满意度评分', 'Satisfaction score'),
  title: t('标题', 'Title'),
  customer_name: t('投诉人', 'Complainant'),
  customer_phone: t('联系电话', 'Phone'),
  customer_email: t('电子邮箱', 'E-mail'),
};

/** Values the platform itself defines (the policy names the rest): states, kinds, SLA statuses, satisfaction, yes/no. */
const VALUES: Record<string, Record<string, Text>> = {
  state: {
    received: t('已受理', 'Received'),
    assessed: t('已评估', 'Assessed'),
    dispatched: t('已派单', 'Dispatched'),
    in_progress: t('处理中', 'In progress'),
    waiting_customer: t('等待客户补充', 'Waiting for the customer'),
    awaiting_approval: t('待审批', 'Awaiting approval'),
    responded: t('已答复', 'Responded'),
    follow_up: t('回访中', 'Follow-up'),
    closed: t('已结案', 'Closed'),
    invalid_closed: t('无效关闭', 'Closed as invalid'),
    reopened: t('重新处理', 'Reopened'),
  },
  kind: {
    complaint: t('投诉', 'Complaint'),
    suggestion: t('建议', 'Suggestion'),
    consultation: t('咨询', 'Consultation'),
    praise: t('表扬', 'Praise'),
  },
  sla_status: {
    on_time: t('正常', 'On time'),
    at_risk: t('即将超时', 'Due soon'),
    breached: t('已超时', 'Overdue'),
    met: t('已按时完成', 'Met'),
  },
  satisfaction: { satisfied: t('满意', 'Satisfied'), unsatisfied: t('不满意', 'Not satisfied') },
  valid: { true: t('是', 'Yes'), false: t('否', 'No') },
};

/** A platform value in the export's language; unknown values (a plugin's own state …) stay as they are. */
export function exportValue(column: keyof typeof VALUES, value: string | boolean | null | undefined, locale: ExportLocale): string | null {
  if (value === null || value === undefined) return null;
  const text = VALUES[column]?.[String(value)];
  return text ? (locale === 'en' ? text.en : text.zh) : String(value);
}

/** A policy key (channel, type, severity, department, invalid reason) by its policy name in the export's language. */
export function policyName(
  kind: 'channel' | 'type' | 'severity' | 'department' | 'invalid_reason',
  key: string | null | undefined,
  policy: CompiledPolicy | null,
  locale: ExportLocale,
): string | null {
  if (!key) return null;
  const doc = policy?.document;
  const name = (n?: { zh?: string; en?: string }) => (n ? (locale === 'en' ? n.en || n.zh : n.zh || n.en) : undefined);
  let found: string | undefined;
  if (kind === 'channel') found = name(doc?.channels.find((c) => c.key === key)?.name);
  if (kind === 'type') found = name(doc?.complaintTypes.find((c) => c.key === key)?.name);
  if (kind === 'severity') found = name(policy?.severityLevel(key)?.name);
  if (kind === 'department') found = name(doc?.departments.find((c) => c.key === key)?.name);
  if (kind === 'invalid_reason') {
    const row = doc?.rules.validity.rows.find((r) => (r.then as { reason?: string })?.reason === key);
    found = name((row?.then as { reasonText?: { zh?: string; en?: string } } | undefined)?.reasonText);
  }
  return found ?? key;
}
