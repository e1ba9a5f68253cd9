import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import type { Role } from '../../common/auth/roles';
import { validationPipe } from '../../common/validation';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { TenantService } from '../tenant/tenant.service';
import type { Tenant } from '../tenant/tenant.entity';
import { PolicyService } from '../policy/policy.service';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { ComplaintIntakeService, isUniqueViolation } from '../complaint/complaint-intake.service';
import { ComplaintService } from '../complaint/complaint.service';
import { CLOSED_STATES, Complaint, type ComplaintState } from '../complaint/complaint.entity';
import { SubmitComplaintInput } from '../complaint/dtos/complaint.inputs';
import { SlaService } from '../sla/sla.service';
import { SlaCalendars } from '../sla/sla-calendars.service';
import { addLocalDays, diffLocalDays } from '../sla/calendar';
import { AttachmentService } from '../attachment/attachment.service';
import { attachmentLimits } from '../attachment/attachment-content';
import { fileViews } from '../attachment/attachment.resolver';
import { PortalAccess, PortalCode } from './portal.entity';
import { CustomerService } from '../customer/customer.service';
import { DeliveryService } from '../notification/delivery.service';
import { PortalErrors } from './portal.exception';
import { PORTAL_LIMITS, PortalRateService, type RateLimit } from './portal-rate.service';
import { issueChallenge, POW_TTL_MS, verifySolution } from './proof-of-work';

const CUSTOMER = 'customer' as Role;
const SESSION_TTL_MS = 2 * 60 * 60_000;
const ONE_TIME_CODE_TTL_MS = 10 * 60_000;
/** Crockford-style base32 without I, L, O, U: nothing to confuse when read aloud or typed from a letter. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;
/** Timeline events the complainant sees, and what of each (never internal notes, decisions, assignments or staff names). */
const CUSTOMER_EVENTS: Record<string, (data: Record<string, unknown>) => Record<string, unknown>> = {
  received: () => ({}),
  transitioned: (d) => ({ to: d.to }),
  replied: () => ({}),
  followed_up: (d) => ({ satisfied: d.satisfied, score: d.score }),
  redispatched: () => ({}),
  escalated: () => ({}),
  'sla.extended': (d) => ({ target: d.target, reason: d.reason, newDueAt: d.newDueAt }),
  'customer.added_information': (d) => ({ text: d.text, files: Array.isArray(d.attachments) ? d.attachments.length : 0 }),
  'customer.replied': (d) => ({ text: d.text }),
  'customer.withdrew': (d) => ({ reason: d.reason }),
  'attachment.refused': (d) => ({
    files: Array.isArray(d.files)
      ? (d.files as { filename: string; reason: string }[]).map((f) => ({ filename: f.filename, reason: f.reason }))
      : [],
  }),
};
/** Days in a deadline's span the complainant should know about: holidays, 调休 working weekends, closures. */
const NOTABLE_DAYS = new Set(['statutory_holiday', 'makeup_workday', 'closure', 'extra_working_day']);

export interface PortalSubmitBody {
  policyVersion?: number;
  idempotencyKey?: string;
  type?: string;
  title?: string;
  text?: string;
  requestedRemedy?: string;
  form?: Record<string, unknown>;
  complainant?: { name?: string; phone?: string; email?: string };
  attachments?: string[];
}

export interface Challenge {
  challenge?: string;
  nonce?: string;
}

/**
 * The complainant's side: the published form, submission through the one intake pipeline, access by number and
 * private code (hashed), the customer-visible view, and the customer's own actions. Abuse: per-address and
 * per-tenant limits in the database, a proof-of-work when they are approached, one answer for wrong number or code.
 */
@Injectable()
export class PortalService {
  private readonly key: Buffer;
  private lastSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly tenants: TenantService,
    private readonly policies: PolicyService,
    private readonly intake: ComplaintIntakeService,
    private readonly complaints: ComplaintService,
    private readonly sla: SlaService,
    private readonly calendars: SlaCalendars,
    private readonly attachments: AttachmentService,
    private readonly rates: PortalRateService,
    private readonly deliveries: DeliveryService,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly customers: CustomerService,
  ) {
    this.key = createHmac('sha256', config.jwtSecret).update('redress:portal').digest();
  }

  async tenant(slug: string): Promise<Tenant> {
    const tenant = /^[a-z0-9][a-z0-9-]{0,63}$/i.test(slug) ? await this.tenants.findBySlug(slug.toLowerCase()) : null;
    if (!tenant) throw PortalErrors.create('TENANT_NOT_FOUND', { httpStatus: 404 });
    return tenant;
  }

  private async policy(tenant: Tenant): Promise<CompiledPolicy> {
    const policy = await this.policies.getCurrent(tenant.id);
    if (!policy || !portalChannel(policy)) throw PortalErrors.create('PORTAL_CLOSED');
    return policy;
  }

  // ── the form ──────────────────────────────────────────────────────────────────────────────────────

  /** The published form: active types with their fields (conditions included, evaluated again on the server). */
  async form(slug: string) {
    const tenant = await this.tenant(slug);
    const policy = await this.policy(tenant);
    const types = policy.document.complaintTypes.filter((t) => t.active !== false);
    const limits = attachmentLimits(policy.document.settings);
    return {
      tenant: { slug: tenant.slug, name: tenant.name, timeZone: tenant.timeZone },
      policyVersion: policy.version,
      types: types.map((t) => ({
        key: t.key,
        parentKey: t.parentKey ?? null,
        name: t.name,
        kind: t.kind,
        fields: policy.fieldsForType(t.key).map((f) => ({
          key: f.key,
          label: f.label,
          type: f.type,
          required: Boolean(f.required),
          options: f.options ?? null,
          help: f.help ?? null,
          visibleWhen: f.visibleWhen ?? null,
          requiredWhen: f.requiredWhen ?? null,
          validation: f.validation ?? null,
        })),
      })),
      attachments: { maxFileBytes: limits.maxFileBytes, maxFiles: limits.maxFiles, allowedTypes: limits.allowedTypes },
    };
  }

  // ── abuse ─────────────────────────────────────────────────────────────────────────────────────────

  challenge(): { challenge: string; difficulty: number } {
    return issueChallenge(this.key, this.clock.now().getTime());
  }

  /**
   * Refuses (429 with the seconds to wait) when a limit is reached; asks for a proof-of-work once a count passes
   * `challengeAt` of its limit; otherwise counts the request against every key.
   */
  private async guard(limits: [string, RateLimit][], solution?: Challenge): Promise<void> {
    await this.sweepNowAndThen();
    await this.assertWithinLimits(limits, solution);
    for (const [key, limit] of limits) await this.rates.hit(key, limit);
  }

  /** Without counting: 429 at a limit, a proof-of-work from `challengeAt` of it. */
  private async assertWithinLimits(limits: [string, RateLimit][], solution?: Challenge): Promise<void> {
    let challenge = false;
    for (const [key, limit] of limits) {
      const { count, resetInMs } = await this.rates.peek(key, limit);
      if (count >= limit.max) throw this.tooMany(resetInMs);
      if (count >= limit.max * PORTAL_LIMITS.challengeAt) challenge = true;
    }
    if (challenge) await this.assertSolved(solution);
  }

  private async assertSolved(solution?: Challenge): Promise<void> {
    if (!solution?.challenge || !solution.nonce) {
      throw PortalErrors.create('CHALLENGE_REQUIRED', { httpStatus: 429, details: this.challenge() });
    }
    const ok =
      verifySolution(this.key, solution.challenge, solution.nonce, this.clock.now().getTime()) &&
      (await this.rates.once(`pow:${solution.challenge.slice(0, 120)}`, POW_TTL_MS));
    if (!ok) throw PortalErrors.create('CHALLENGE_INVALID', { httpStatus: 429, details: this.challenge() });
  }

  private tooMany(resetInMs: number) {
    const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
    return PortalErrors.create('TOO_MANY_REQUESTS', { httpStatus: 429, params: { seconds }, details: { retryAfterSeconds: seconds } });
  }

  private async sweepNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastSweep < 10 * 60_000) return;
    this.lastSweep = now;
    await this.rates.sweep(24 * 60 * 60_000);
  }

  // ── submission ────────────────────────────────────────────────────────────────────────────────────

  async upload(slug: string, address: string, filename: string | undefined, data: Buffer) {
    const tenant = await this.tenant(slug);
    await this.guard([[`upload:ip:${address}`, PORTAL_LIMITS.uploadPerAddress]]);
    const row = await this.attachments.upload(tenant.id, { filename, data, source: 'portal' });
    return { id: row.id, filename: row.filename, mimeType: row.mimeType, size: row.size };
  }

  async submit(slug: string, address: string, body: PortalSubmitBody, solution?: Challenge) {
    const tenant = await this.tenant(slug);
    const policy = await this.policy(tenant);
    // Checked before anything is counted or written: the page must show the new form with the entries kept.
    if (body.policyVersion !== policy.version) {
      throw PortalErrors.create('FORM_CHANGED', {
        details: { policyVersion: policy.version, submittedVersion: body.policyVersion ?? null },
      });
    }
    if (typeof body.idempotencyKey !== 'string' || !/^[A-Za-z0-9_-]{8,100}$/.test(body.idempotencyKey)) {
      throw PortalErrors.create('INVALID_INPUT', {
        field: 'idempotencyKey',
        params: { detail: 'idempotencyKey must be 8–100 letters, digits, - or _' },
      });
    }
    await this.guard(
      [
        [`submit:ip:${address}`, PORTAL_LIMITS.submitPerAddress],
        [`submit:tenant:${tenant.id}`, PORTAL_LIMITS.submitPerTenant],
      ],
      solution,
    );
    const input = (await validationPipe.transform(
      {
        idempotencyKey: `portal:${body.idempotencyKey}`,
        channel: portalChannel(policy),
        type: body.type,
        title: body.title || undefined,
        text: body.text,
        requestedRemedy: body.requestedRemedy || undefined,
        form: body.form ?? {},
        attachments: body.attachments ?? [],
        complainant: {
          name: body.complainant?.name || undefined,
          phone: body.complainant?.phone || undefined,
          email: body.complainant?.email || undefined,
        },
      },
      { type: 'body', metatype: SubmitComplaintInput },
    )) as SubmitComplaintInput;
    const complaint = await this.intake.submit({ tenantId: tenant.id, role: CUSTOMER }, input);
    // The code is derived (HMAC with the server's key), so a retried submission answers the same code; only a hash is stored.
    const code = this.accessCode(complaint);
    const exists = await this.dataSource.getRepository(PortalAccess).exists({ where: { tenantId: tenant.id, number: complaint.number } });
    if (!exists) {
      try {
        await this.dataSource
          .getRepository(PortalAccess)
          .insert({ id: newId(), tenantId: tenant.id, complaintId: complaint.id, number: complaint.number, codeHash: hashCode(code) });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return { number: complaint.number, accessCode: code, session: this.session(complaint) };
  }

  private accessCode(complaint: Complaint): string {
    const digest = createHmac('sha256', this.key).update(`access:${complaint.tenantId}:${complaint.id}`).digest();
    return [...digest.subarray(0, CODE_LENGTH)].map((byte) => CODE_ALPHABET[byte % 32]).join('');
  }

  // ── access ────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Sends a one-time code to the phone or e-mail on file of the complaint with this number (any channel it came in by).
   * The answer is the same whether the number exists, has that contact or not: nothing to enumerate.
   */
  async requestCode(slug: string, address: string, number: string, channel: string, solution?: Challenge): Promise<{ sent: true }> {
    const tenant = await this.tenant(slug);
    if (channel !== 'sms' && channel !== 'email')
      throw PortalErrors.create('INVALID_INPUT', { field: 'channel', params: { detail: 'channel must be sms or email' } });
    const cleanNumber = String(number ?? '')
      .trim()
      .slice(0, 32);
    await this.guard(
      [
        [`code:ip:${address}`, PORTAL_LIMITS.codePerAddress],
        [`code:number:${tenant.id}:${cleanNumber}`, PORTAL_LIMITS.codePerNumber],
      ],
      solution,
    );
    const complaint = cleanNumber
      ? await this.dataSource.getRepository(Complaint).findOne({ where: { tenantId: tenant.id, number: cleanNumber } })
      : null;
    const customer = complaint ? await this.customers.find(tenant.id, complaint.customerId) : null;
    if (complaint && customer && (channel === 'email' ? customer.emailEnc : customer.phoneEnc)) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const now = this.clock.now();
      const id = newId();
      await this.dataSource.getRepository(PortalCode).delete({ tenantId: tenant.id, complaintId: complaint.id, expiresAt: LessThan(now) });
      await this.dataSource.getRepository(PortalCode).insert({
        id,
        tenantId: tenant.id,
        complaintId: complaint.id,
        codeHash: hashCode(code),
        expiresAt: new Date(now.getTime() + ONE_TIME_CODE_TTL_MS),
      });
      await this.deliveries.sendToCustomer(tenant.id, {
        complaintId: complaint.id,
        customerId: customer.id,
        channel,
        topic: 'portal.one_time_code',
        key: `portal-code:${id}`,
        subject: `${tenant.name}：投诉 ${complaint.number} 查询验证码 / access code`,
        body: `您正在查询投诉 ${complaint.number} 的处理进度，验证码：${code}，10 分钟内有效。如非本人操作请忽略。\nYour code for complaint ${complaint.number}: ${code} (valid for 10 minutes).`,
      });
    }
    return { sent: true };
  }

  /** Number + code → a session. Wrong number and wrong code are one answer, with the same work done; both throttled. */
  async access(slug: string, address: string, number: string, code: string, solution?: Challenge, oneTimeCode?: string) {
    const tenant = await this.tenant(slug);
    const cleanNumber = String(number ?? '')
      .trim()
      .slice(0, 32);
    const failures: [string, RateLimit][] = [
      [`access-fail:ip:${address}`, PORTAL_LIMITS.accessFailuresPerAddress],
      [`access-fail:number:${tenant.id}:${cleanNumber}`, PORTAL_LIMITS.accessFailuresPerNumber],
    ];
    // Only failures count here: a complainant who types the code right is never slowed down by their own visits.
    await this.assertWithinLimits(failures, solution);
    const complaintId = oneTimeCode
      ? await this.checkOneTimeCode(tenant.id, cleanNumber, oneTimeCode)
      : await this.checkAccessCode(tenant.id, cleanNumber, code);
    if (!complaintId) {
      for (const [key, limit] of failures) await this.rates.hit(key, limit);
      throw PortalErrors.create('ACCESS_DENIED', { httpStatus: 404 });
    }
    const complaint = await this.dataSource.getRepository(Complaint).findOneOrFail({ where: { id: complaintId, tenantId: tenant.id } });
    return { session: this.session(complaint) };
  }

  private async checkAccessCode(tenantId: string, number: string, code: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(PortalAccess).findOne({ where: { tenantId, number } });
    const given = String(code ?? '')
      .trim()
      .toUpperCase()
      .replace(/[\s-]/g, '');
    return checkCode(given, row?.codeHash ?? DUMMY_HASH) && row ? row.complaintId : null;
  }

  /** A matching unexpired one-time code of the complaint, used up by this check. */
  private async checkOneTimeCode(tenantId: string, number: string, code: string): Promise<string | null> {
    const complaint = await this.dataSource.getRepository(Complaint).findOne({ where: { tenantId, number } });
    const rows = complaint
      ? await this.dataSource
          .getRepository(PortalCode)
          .find({ where: { tenantId, complaintId: complaint.id, expiresAt: MoreThan(this.clock.now()) } })
      : [];
    const given = String(code).trim();
    const match = rows.find((row) => checkCode(given, row.codeHash));
    if (!rows.length) checkCode(given, DUMMY_HASH);
    if (!complaint || !match) return null;
    const used = await this.dataSource.getRepository(PortalCode).delete({ id: match.id });
    return used.affected ? complaint.id : null;
  }

  private session(complaint: Complaint): string {
    const payload = Buffer.from(JSON.stringify([complaint.tenantId, complaint.id, this.clock.now().getTime() + SESSION_TTL_MS])).toString(
      'base64url',
    );
    return `${payload}.${createHmac('sha256', this.key).update(`session:${payload}`).digest('base64url')}`;
  }

  /** The complaint a session grants (same tenant as the address it is used at), or SESSION_EXPIRED. */
  async complaintOf(slug: string, session: string | undefined): Promise<Complaint> {
    const tenant = await this.tenant(slug);
    const [payload, signature] = String(session ?? '').split('.');
    const expected = payload ? createHmac('sha256', this.key).update(`session:${payload}`).digest() : Buffer.alloc(0);
    const given = Buffer.from(signature ?? '', 'base64url');
    if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected))
      throw PortalErrors.create('SESSION_EXPIRED', { httpStatus: 401 });
    const [tenantId, complaintId, expiresAt] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, string, number];
    if (tenantId !== tenant.id || expiresAt <= this.clock.now().getTime())
      throw PortalErrors.create('SESSION_EXPIRED', { httpStatus: 401 });
    const complaint = await this.dataSource.getRepository(Complaint).findOne({ where: { id: complaintId, tenantId } });
    if (!complaint) throw PortalErrors.create('SESSION_EXPIRED', { httpStatus: 401 });
    return complaint;
  }

  async readGuard(address: string): Promise<void> {
    await this.guard([[`read:ip:${address}`, PORTAL_LIMITS.readPerAddress]]);
  }

  // ── the complainant's view ────────────────────────────────────────────────────────────────────────

  async view(complaint: Complaint) {
    const policy = await this.complaints.policyOf(complaint);
    const tenant = await this.tenants.get(complaint.tenantId);
    const type = policy.document.complaintTypes.find((t) => t.key === complaint.typeKey);
    const events = await this.complaints.timelineOf(complaint);
    const replies = await this.complaints.repliesOf(complaint);
    const files = await this.attachments.ofComplaint(complaint.tenantId, complaint.id);
    const history = events
      .filter((e) => CUSTOMER_EVENTS[e.type])
      .map((e) => ({
        seq: e.seq,
        type: e.type,
        at: e.occurredAt,
        byCustomer: e.actorRole === CUSTOMER,
        data: CUSTOMER_EVENTS[e.type](e.data ?? {}),
      }));
    const closed = CLOSED_STATES.includes(complaint.state as ComplaintState);
    return {
      number: complaint.number,
      state: complaint.state,
      type: { key: complaint.typeKey, name: type?.name ?? { zh: complaint.typeKey } },
      title: complaint.title ?? null,
      text: complaint.text,
      receivedAt: complaint.receivedAt,
      closedAt: complaint.closedAt ?? null,
      satisfaction: complaint.satisfaction ?? null,
      timeZone: tenant.timeZone,
      history,
      replies: replies.map((r) => ({ id: r.id, subject: r.subject ?? null, body: r.body, at: r.createdAt })),
      clocks: await this.clocks(complaint, tenant.timeZone),
      files: fileViews(this.attachments, files, { role: CUSTOMER, complaintId: complaint.id }),
      actions: { followUp: ['responded', 'follow_up'].includes(complaint.state), addInformation: !closed, withdraw: !closed },
      // Changes when anything the page shows changes: the page polls and re-renders only then.
      version: `${complaint.version}.${events.length}.${replies.length}.${files.length}`,
      attachmentLimits: attachmentLimits(policy.document.settings),
    };
  }

  /** The legal clock as the complainant sees it: the current round's deadlines in working days, with the days off between. */
  private async clocks(complaint: Complaint, timeZone: string) {
    const views = await this.sla.clockViews(complaint.tenantId, complaint.id);
    const round = Math.max(0, ...views.map((v) => v.clock.round));
    const now = this.clock.now();
    const out = [];
    for (const view of views.filter((v) => v.clock.round === round && v.clock.state !== 'cancelled')) {
      const row = view.clock;
      const policy = await this.policies.getVersion(complaint.tenantId, row.policyVersion);
      const calendar = this.calendars.calendar(complaint.tenantId, policy, row.calendar);
      const today = calendar.localDate(now);
      const due = calendar.localDate(row.dueAt);
      let workingDaysLeft = 0;
      const days: { date: string; working: boolean; reason: string; name: string | null }[] = [];
      // Bounded: a deadline a year or more away lists no more days than that.
      for (let d = addLocalDays(today, 1), n = 0; diffLocalDays(d, due) >= 0 && n < 400; d = addLocalDays(d, 1), n++) {
        const info = calendar.dayInfo(d);
        if (info.working) workingDaysLeft++;
        if (NOTABLE_DAYS.has(info.reason))
          days.push({ date: info.date, working: info.working, reason: info.reason, name: info.name ?? null });
      }
      out.push({
        target: row.target,
        state: row.state,
        status: view.status,
        dueAt: row.dueAt,
        startedAt: row.startedAt,
        remainingWorkingMinutes: view.remainingWorkingMinutes,
        workingDaysLeft: diffLocalDays(today, due) < 0 ? 0 : workingDaysLeft,
        duration: row.duration,
        calendarTimeZone: calendar.timeZone ?? timeZone,
        days,
        extensions: (row.extensions ?? []).map((e) => ({ stage: e.stage, reason: e.reason, at: e.at, newDueAt: e.newDueAt })),
      });
    }
    return out;
  }

  // ── the complainant's actions ─────────────────────────────────────────────────────────────────────

  async actionGuard(address: string): Promise<void> {
    await this.guard([[`action:ip:${address}`, PORTAL_LIMITS.actionPerAddress]]);
  }

  async addInformation(complaint: Complaint, text: unknown, attachments: unknown): Promise<void> {
    const ids = Array.isArray(attachments) ? attachments.filter((a): a is string => typeof a === 'string').slice(0, 50) : [];
    await this.complaints.customerAddInformation(complaint.tenantId, complaint.id, String(text ?? '').slice(0, 20_000), ids, 'portal');
  }

  async followUp(complaint: Complaint, body: { satisfied?: unknown; score?: unknown; comment?: unknown }): Promise<void> {
    const score = Number(body.score);
    if (typeof body.satisfied !== 'boolean')
      throw PortalErrors.create('INVALID_INPUT', { field: 'satisfied', params: { detail: 'satisfied must be true or false' } });
    if (!Number.isInteger(score) || score < 1 || score > 5)
      throw PortalErrors.create('INVALID_INPUT', { field: 'score', params: { detail: 'score must be 1–5' } });
    // The same 回访 rules as staff (ComplaintService.recordFollowUp): satisfied closes, unsatisfied sends it back.
    await this.complaints.recordFollowUp(
      { tenantId: complaint.tenantId, role: CUSTOMER },
      {
        complaintId: complaint.id,
        satisfied: body.satisfied,
        score,
        comment: body.comment ? String(body.comment).slice(0, 2000) : undefined,
        method: 'portal',
      },
    );
  }

  async withdraw(complaint: Complaint, reason: unknown): Promise<void> {
    await this.complaints.customerWithdraw(complaint.tenantId, complaint.id, String(reason ?? '').slice(0, 2000), 'portal');
  }
}

/** The channel portal complaints come in by: the policy's `portal` channel, else `web`; none → the portal is closed. */
function portalChannel(policy: CompiledPolicy): string | null {
  const keys = policy.document.channels.map((c) => c.key);
  return keys.includes('portal') ? 'portal' : keys.includes('web') ? 'web' : null;
}

function hashCode(code: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(code, salt, 32).toString('base64url')}`;
}

function checkCode(code: string, stored: string): boolean {
  const [, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash ?? '', 'base64url');
  const actual = scryptSync(code, Buffer.from(salt ?? '', 'base64url'), 32);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Compared against when the number is unknown, so an unknown number costs the same time as a wrong code. */
const DUMMY_HASH = hashCode(randomBytes(8).toString('hex'));
