import type { NoticeRule, PolicyDocument } from '@redress/sdk';

/** What a notice rule's filters look at. */
export interface NoticeSubject {
  typeKey: string;
  /** The type and its ancestors (a rule for `service` covers `service.attitude`). */
  typeKeys?: string[];
  channel: string;
  severity?: string | null;
  slaPolicy?: string | null;
  state?: string | null;
  /** The SLA target of an `sla.*` event. */
  target?: string | null;
}

const within = (list: string[] | undefined, value: string | null | undefined) => !list?.length || (value != null && list.includes(value));

/** Every active notice rule of the policy for `event` whose filters hold for the complaint. */
export function matchingNotices(document: PolicyDocument, event: string, subject: NoticeSubject): NoticeRule[] {
  return (document.notices ?? []).filter(
    (rule) =>
      rule.active !== false &&
      rule.event === event &&
      within(rule.slaPolicies, subject.slaPolicy) &&
      (!rule.typeKeys?.length || rule.typeKeys.some((key) => key === subject.typeKey || subject.typeKeys?.includes(key))) &&
      within(rule.complaintChannels, subject.channel) &&
      within(rule.severities, subject.severity) &&
      within(rule.states, subject.state) &&
      within(rule.targets, subject.target),
  );
}

/**
 * The extension notices for a complaint (issue 12 item 10): the `sla.extended` rules that name its SLA policy; when
 * none does, the ones that name no policy (the tenant's default). A rule for another SLA policy — a plugin's letter
 * for its own deadlines — never applies, whatever its template is called.
 */
export function extensionNotices(document: PolicyDocument, subject: NoticeSubject): NoticeRule[] {
  const rules = matchingNotices(document, 'sla.extended', subject);
  const specific = rules.filter((rule) => rule.slaPolicies?.length);
  return specific.length ? specific : rules;
}
