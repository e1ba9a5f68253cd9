import { MAX_PAGE_SIZE } from '../../common/page-size.pipe';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/roles';
import { PersonalDataCipher, mask } from '../../common/crypto/personal-data';
import { TenantService } from '../tenant/tenant.service';
import { PolicyService } from '../policy/policy.service';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { OutboxService } from '../outbox/outbox.service';
import { Customer } from '../customer/customer.entity';
import { User } from '../auth/user.entity';
import { CLOSED_STATES, Complaint, ComplaintEvent, ComplaintReply, ComplaintTask, type ComplaintState } from './complaint.entity';
import { ComplaintErrors } from './complaint.exception';
import { ComplaintWorkflow, type Moved } from './complaint-workflow';
import type { ApprovalChain, ApprovalProgress } from '@redress/sdk';
import { chainFor, describeApprovers, returnToPrevious, sign, SINGLE_MANAGER_CHAIN } from '../policy/engine/approval-chain';
import { ComplaintChanged, ComplaintEscalationRaised, type ComplaintChange, type TransitionTaken } from './complaint.events';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { ComplaintTimeline, type Actor } from './complaint-timeline';
import { SlaService } from '../sla/sla.service';
import { PluginHooks } from './plugin-hooks';
import {
  ComplaintOrder,
  type AssignInput,
  type ComplaintFilter,
  type FollowUpInput,
  type ReplyInput,
  type TaskInput,
} from './dtos/complaint.inputs';
import type { Complainant, ComplaintConnection, ComplaintView, Decision } from './dtos/complaint.types';
import { renderTemplate, formatLocalDateTime } from './template-render';
import { maskFreeText, maskFreeTextDeep } from './free-text-pii';
import { AttachmentService } from '../attachment/attachment.service';
import { attachmentLimits } from '../attachment/attachment-content';

/** The complainant acting for themselves (portal): not a staff role, never admitted by the roles guard. */
const CUSTOMER = 'customer' as Role;

/** Roles that work with complainants and may see their personal data unmasked. */
export const PERSONAL_DATA_ROLES: string[] = [Role.admin, Role.manager, Role.handler, Role.agent];
/** `open: true`, in the words of the partial index ix_complaint_work_queue (migration 1765001600002). */
const OPEN_SQL = `c.state NOT IN (${CLOSED_STATES.map((state) => `'${state}'`).join(', ')})`;
/** Text search scans the newest complaints of a tenant (see textMatches). */
const TEXT_SEARCH_SCAN = 20_000;
const TEXT_SEARCH_MAX = 5_000;
const DECISION_TYPES: Record<string, string> = {
  'decision.validity': 'validity',
  'decision.severity': 'severity',
  'decision.routing': 'routing',
  'decision.sla': 'sla',
};

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
const decodeCursor = (cursor?: string | null) => {
  if (!cursor) return 0;
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) + 1 : 0;
};

/** Handling after intake: transitions, assignment, tasks, replies with approval, follow-up, closure, queries. */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly attachments: AttachmentService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly tenants: TenantService,
    private readonly policies: PolicyService,
    private readonly outbox: OutboxService,
    private readonly timeline: ComplaintTimeline,
    private readonly sla: SlaService,
    private readonly plugins: PluginHooks,
    private readonly cipher: PersonalDataCipher,
    private readonly workflow: ComplaintWorkflow,
    private readonly bus: DomainEventBus,
  ) {}

  // ---------------------------------------------------------------- queries

  async get(auth: AuthContext, id: string): Promise<Complaint> {
    const complaint = await this.dataSource.getRepository(Complaint).findOne({ where: { id, tenantId: auth.tenantId } });
    if (!complaint) throw ComplaintErrors.create('NOT_FOUND', { field: 'id' });
    return complaint;
  }

  async byNumber(auth: AuthContext, number: string): Promise<Complaint> {
    const complaint = await this.dataSource.getRepository(Complaint).findOne({ where: { number, tenantId: auth.tenantId } });
    if (!complaint) throw ComplaintErrors.create('NOT_FOUND', { field: 'number' });
    return complaint;
  }

  /** A page of complaints; the total (`totalCount`, 0 when not asked) only with `count` (default). */
  async list(
    auth: AuthContext,
    filter: ComplaintFilter = {},
    orderBy = ComplaintOrder.RECEIVED_DESC,
    first = 20,
    after?: string | null,
    options: { count?: boolean } = {},
  ): Promise<{ rows: Complaint[]; connection: Omit<ComplaintConnection, 'edges'>; offset: number }> {
    const qb = this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId', { tenantId: auth.tenantId });
    await this.applyFilter(auth, qb, filter);
    if (orderBy === ComplaintOrder.RESOLUTION_DUE_ASC) {
      // Work queues: soonest deadline first, complaints without a deadline last — the order of ix_complaint_work_queue
      // on both databases, so a department's open queue is read in index order (no sort of the whole queue).
      qb.orderBy('c.resolution_due_at', 'ASC', 'NULLS LAST');
    } else {
      qb.orderBy('c.received_at', orderBy === ComplaintOrder.RECEIVED_ASC ? 'ASC' : 'DESC');
    }
    qb.addOrderBy('c.number', orderBy === ComplaintOrder.RECEIVED_DESC ? 'DESC' : 'ASC');
    const offset = decodeCursor(after);
    const limit = Math.max(1, Math.min(first, MAX_PAGE_SIZE));
    // COUNT(*) rather than getManyAndCount's COUNT(DISTINCT id): the query has no joins, so both count the same rows,
    // and the plain count is an index-only count instead of a sort of every matching id.
    const [rows, counted] = await Promise.all([
      qb
        .clone()
        .skip(offset)
        .take(limit + 1)
        .getMany(),
      options.count === false ? undefined : qb.clone().orderBy().select('COUNT(*)', 'total').getRawOne<{ total: number | string }>(),
    ]);
    const total = Number(counted?.total ?? 0);
    const page = rows.slice(0, limit);
    return {
      rows: page,
      offset,
      connection: {
        totalCount: total,
        pageInfo: { hasNextPage: rows.length > limit, endCursor: page.length ? encodeCursor(offset + page.length - 1) : null },
      },
    };
  }

  cursor(offset: number): string {
    return encodeCursor(offset);
  }

  /** The `complaints` filter on a query builder of alias `c` (also used by analytics for statistics and exports). */
  async applyFilter(auth: AuthContext, qb: SelectQueryBuilder<Complaint>, f: ComplaintFilter): Promise<void> {
    if (f.state?.length) qb.andWhere('c.state IN (:...states)', { states: f.state });
    // Literal states (constants of the code, not input): the text the partial ix_complaint_work_queue is defined with.
    if (f.open) qb.andWhere(OPEN_SQL);
    if (f.severity?.length) qb.andWhere('c.severity IN (:...severities)', { severities: f.severity });
    if (f.department) qb.andWhere('c.department = :department', { department: f.department });
    if (f.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: f.assigneeId });
    if (f.channel) qb.andWhere('c.channel = :channel', { channel: f.channel });
    if (f.receivedFrom) qb.andWhere('c.received_at >= :from', { from: f.receivedFrom });
    if (f.receivedTo) qb.andWhere('c.received_at < :to', { to: f.receivedTo });
    if (f.slaStatus?.length) qb.andWhere('c.sla_status IN (:...slaStatus)', { slaStatus: f.slaStatus });
    if (f.customerId) qb.andWhere('c.customer_id = :customerId', { customerId: f.customerId });
    if (f.text) {
      const like = `%${f.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const ids = await this.textMatches(auth.tenantId, f.text);
      qb.andWhere("(c.number LIKE :like ESCAPE '\\' OR c.id IN (:...textIds))", { like, textIds: ids.length ? ids : [''] });
    }
    if (f.type) {
      const policy = await this.policies.getCurrent(auth.tenantId);
      const root = policy?.typePath(f.type);
      const keys =
        policy && root
          ? policy.document.complaintTypes
              .filter((t) => {
                const p = policy.typePath(t.key);
                return p === root || p.startsWith(`${root}/`);
              })
              .map((t) => t.key)
          : [f.type];
      qb.andWhere('c.type_key IN (:...typeKeys)', { typeKeys: keys.length ? keys : [f.type] });
    }
  }

  /**
   * Complaints whose title or text contains `needle` (case-insensitive). Free text is encrypted at rest, so the
   * database cannot match it: the newest TEXT_SEARCH_SCAN complaints of the tenant are read (decrypted on load)
   * and matched here; at most TEXT_SEARCH_MAX ids are returned, newest first.
   */
  private async textMatches(tenantId: string, needle: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(Complaint).find({
      select: { id: true, title: true, text: true },
      where: { tenantId },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: TEXT_SEARCH_SCAN,
    });
    const lower = needle.toLowerCase();
    return rows
      .filter((r) => r.text.toLowerCase().includes(lower) || (r.title ?? '').toLowerCase().includes(lower))
      .slice(0, TEXT_SEARCH_MAX)
      .map((r) => r.id);
  }

  timelineOf(complaint: Complaint): Promise<ComplaintEvent[]> {
    return this.dataSource
      .getRepository(ComplaintEvent)
      .find({ where: { tenantId: complaint.tenantId, complaintId: complaint.id }, order: { seq: 'ASC' } });
  }

  async decisionsOf(complaint: Complaint): Promise<Decision[]> {
    const events = await this.timelineOf(complaint);
    const latest = new Map<string, Decision>();
    for (const e of events) {
      const kind = DECISION_TYPES[e.type];
      if (!kind) continue;
      latest.set(kind, {
        kind,
        outcome: e.data.outcome,
        ruleSet: String(e.data.ruleSet ?? kind),
        rowKey: (e.data.rowKey as string) ?? null,
        policyVersion: Number(e.data.policyVersion ?? complaint.policyVersion),
        explanation: (e.data.explanation as string) ?? null,
        trace: (e.data.trace as Record<string, unknown>) ?? null,
        at: e.occurredAt,
      });
    }
    return [...latest.values()];
  }

  tasksOf(complaint: Complaint): Promise<ComplaintTask[]> {
    return this.dataSource
      .getRepository(ComplaintTask)
      .find({ where: { tenantId: complaint.tenantId, complaintId: complaint.id }, order: { createdAt: 'ASC' } });
  }

  repliesOf(complaint: Complaint): Promise<ComplaintReply[]> {
    return this.dataSource
      .getRepository(ComplaintReply)
      .find({ where: { tenantId: complaint.tenantId, complaintId: complaint.id }, order: { createdAt: 'ASC' } });
  }

  /** Whether the caller's role may see personal data unmasked (structured fields and free text alike). */
  revealsPersonalData(auth: AuthContext): boolean {
    return PERSONAL_DATA_ROLES.includes(auth.role);
  }

  /** Free-text values (timeline data, replies, task results) as the caller may see them. */
  freeTextFor<T>(auth: AuthContext, value: T): T {
    return this.revealsPersonalData(auth) ? value : maskFreeTextDeep(value);
  }

  /** The states the caller may move the complaint to now, by its workflow (roles and guards). */
  async allowedTransitions(auth: AuthContext, complaint: Complaint): Promise<string[]> {
    return this.workflow.allowedTargets(complaint, await this.policyOf(complaint), auth.role, this.clock.now());
  }

  /** Decrypted complainant, masked for roles that do not need personal data. */
  async complainantOf(auth: AuthContext, complaint: Complaint): Promise<Complainant> {
    const customer = await this.dataSource
      .getRepository(Customer)
      .findOne({ where: { id: complaint.customerId, tenantId: complaint.tenantId } });
    const reveal = PERSONAL_DATA_ROLES.includes(auth.role);
    const value = (enc: string | null | undefined, kind: Parameters<typeof mask>[1]) => {
      const plain = this.cipher.decrypt(enc ?? null);
      return reveal ? plain : mask(plain, kind);
    };
    return {
      customerId: complaint.customerId,
      masked: !reveal,
      name: value(customer?.nameEnc, 'name'),
      phone: value(customer?.phoneEnc, 'phone'),
      email: value(customer?.emailEnc, 'email'),
      idNumber: value(customer?.idNumberEnc, 'id_number'),
      reference: value(customer?.referenceEnc, 'text'),
    };
  }

  async toView(auth: AuthContext, complaint: Complaint): Promise<ComplaintView> {
    const policy = await this.policyOf(complaint);
    const personal = new Set(policy.document.fields.filter((f) => f.personal).map((f) => f.key));
    const reveal = PERSONAL_DATA_ROLES.includes(auth.role);
    const form = Object.fromEntries(
      Object.entries(complaint.form ?? {}).map(([k, v]) => {
        if (!personal.has(k)) return [k, reveal ? v : maskFreeTextDeep(v)];
        const plain = this.cipher.decrypt(typeof v === 'string' ? v : null);
        return [k, reveal ? plain : mask(plain, 'text')];
      }),
    );
    const type = policy.document.complaintTypes.find((t) => t.key === complaint.typeKey);
    // Free text carries personal data too (a phone number typed into the complaint): masked like the structured fields.
    const text = reveal
      ? {}
      : {
          text: maskFreeText(complaint.text),
          title: maskFreeText(complaint.title),
          requestedRemedy: maskFreeText(complaint.requestedRemedy),
        };
    return {
      ...complaint,
      ...text,
      type: complaint.typeKey,
      typeName: type?.name.zh ?? null,
      typePath: policy.typePath(complaint.typeKey),
      form,
      severityName: policy.severityLevel(complaint.severity)?.name.zh ?? null,
      complainant: undefined as unknown as Complainant,
    };
  }

  policyOf(complaint: Complaint): Promise<CompiledPolicy> {
    return this.policies.getVersion(complaint.tenantId, complaint.policyVersion);
  }

  // ---------------------------------------------------------------- changes

  /** Runs a change to one complaint in a transaction, with the row locked on PostgreSQL. */
  private async change<T>(
    auth: AuthContext,
    id: string,
    work: (manager: EntityManager, complaint: Complaint, policy: CompiledPolicy, now: Date) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const qb = manager
        .getRepository(Complaint)
        .createQueryBuilder('c')
        .where('c.id = :id AND c.tenant_id = :tenantId', { id, tenantId: auth.tenantId });
      if (manager.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
      const complaint = await qb.getOne();
      if (!complaint) throw ComplaintErrors.create('NOT_FOUND', { field: 'id' });
      const policy = await this.policyOf(complaint);
      return work(manager, complaint, policy, this.clock.now());
    });
  }

  /** Whoever work is given to must be a user of the caller's tenant (an id from another tenant or made up is refused). */
  private async assertUserOfTenant(
    manager: EntityManager,
    tenantId: string,
    userId: string | null | undefined,
    field: string,
  ): Promise<void> {
    if (userId && !(await manager.exists(User, { where: { id: userId, tenantId } })))
      throw ComplaintErrors.create('UNKNOWN_USER', { field });
  }

  private actor(auth: AuthContext): Actor {
    return { id: auth.userId ?? auth.tokenId ?? null, role: auth.role };
  }

  /**
   * Persists the row, records the events and publishes ComplaintChanged in the transaction (the SLA clocks react to
   * it), then queues the plugins' event.
   */
  private async commit(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    actor: Actor,
    events: [string, Record<string, unknown>][],
    change?: ComplaintChange,
    topic?: string,
    transition?: TransitionTaken,
  ): Promise<Complaint> {
    complaint.updatedAt = now;
    const facts = complaint.facts as { complaint?: Record<string, unknown>; severity?: string };
    if (facts?.complaint) {
      const stateCategory = this.workflow.factsOf(complaint, policy).complaint as { stateCategory?: string | null };
      facts.complaint = {
        ...facts.complaint,
        state: complaint.state,
        stateCategory: stateCategory.stateCategory ?? null,
        severity: complaint.severity,
        department: complaint.department ?? null,
        reopenCount: complaint.reopenCount,
        unsatisfiedCount: complaint.unsatisfiedCount,
      };
      // Severity has one source of truth, the complaint's column; the facts copy follows it.
      if (facts.severity !== undefined) facts.severity = complaint.severity;
    }
    await manager.save(Complaint, complaint);
    await this.timeline.appendMany(manager, complaint, events, actor, now);
    if (change) await this.bus.publish(new ComplaintChanged(complaint, policy, now, change, transition), manager);
    if (topic) await this.plugins.afterCommitEvents(manager, complaint, topic, now);
    return complaint;
  }

  /** Commits a workflow move after the operation's own events; `type` is how the clocks see the change. */
  private commitMove(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    actor: Actor,
    before: [string, Record<string, unknown>][],
    moved: Moved,
    type: ComplaintChange['type'],
    topic?: string,
  ): Promise<Complaint> {
    const closed = CLOSED_STATES.includes(complaint.state as ComplaintState);
    return this.commit(
      manager,
      complaint,
      policy,
      now,
      actor,
      [...before, ...moved.events],
      { ...moved.change, type },
      topic ?? (closed ? 'complaint.closed' : 'complaint.transitioned'),
      moved.transition,
    );
  }

  async transition(auth: AuthContext, id: string, to: string, comment?: string | null): Promise<Complaint> {
    return this.change(auth, id, async (manager, complaint, policy, now) => {
      if (complaint.pendingClosure) throw ComplaintErrors.create('CLOSURE_PENDING', { field: 'to' });
      // A closure under a `closure` approval chain waits for its signatures (issue 18); the complaint stays where it is.
      const chain = to === 'closed' ? chainFor(policy.document, 'closure', this.workflow.factsOf(complaint, policy)) : undefined;
      if (chain) {
        const transition = await this.workflow.checkManual(manager, complaint, policy, now, to, { role: auth.role, comment });
        const approval: ApprovalProgress = { chain: chain.key, step: 0, signatures: [] };
        complaint.pendingClosure = {
          to,
          transition: transition.key,
          comment: comment ?? null,
          proposedBy: auth.userId ?? null,
          proposedAt: now.toISOString(),
          approval,
        };
        return this.commit(manager, complaint, policy, now, this.actor(auth), [
          ['closure.proposed', { to, transition: transition.key, comment: comment ?? null, chain: chain.key }],
        ]);
      }
      const moved = await this.workflow.manual(manager, complaint, policy, now, to, { role: auth.role, comment });
      return this.commitMove(manager, complaint, policy, now, this.actor(auth), [], moved, 'transition');
    });
  }

  /**
   * A signature on a closure waiting for its chain, or a rejection: the last signature takes the move asked for; a
   * rejection returns it one step (with a reason) or, at the first step, drops the closure (the complaint stays open).
   */
  async decideClosure(auth: AuthContext, id: string, approve: boolean, comment?: string | null): Promise<Complaint> {
    return this.change(auth, id, async (manager, complaint, policy, now) => {
      const pending = complaint.pendingClosure as
        | { to: string; transition: string; comment: string | null; proposedBy: string | null; approval: ApprovalProgress }
        | null
        | undefined;
      if (!pending) throw ComplaintErrors.create('NO_PENDING_CLOSURE');
      if (pending.proposedBy && pending.proposedBy === auth.userId) throw ComplaintErrors.create('SELF_APPROVAL');
      const chain = (policy.document.approvalChains ?? []).find((c) => c.key === pending.approval.chain);
      if (!chain) throw ComplaintErrors.create('NO_PENDING_CLOSURE');
      const step = chain.steps[pending.approval.step];
      if (!approve) {
        if (!comment?.trim()) throw ComplaintErrors.create('REJECTION_REASON_REQUIRED', { field: 'comment' });
        const back = returnToPrevious(chain, pending.approval);
        complaint.pendingClosure = back ? { ...pending, approval: back } : null;
        const event = back ? 'closure.returned' : 'closure.rejected';
        return this.commit(manager, complaint, policy, now, this.actor(auth), [[event, { chain: chain.key, step: step.key, comment }]]);
      }
      const outcome = sign(chain, pending.approval, await this.signerOf(manager, auth), now, comment);
      if (!outcome.ok)
        throw ComplaintErrors.create(outcome.reason, {
          params: { step: outcome.step.name.zh, approvers: describeApprovers(outcome.step) },
        });
      if (!outcome.chainDone) {
        complaint.pendingClosure = { ...pending, approval: outcome.progress };
        return this.commit(manager, complaint, policy, now, this.actor(auth), [
          ['closure.signed', { chain: chain.key, step: step.key, remaining: outcome.remaining, comment: comment ?? null }],
        ]);
      }
      complaint.pendingClosure = null;
      const moved = await this.workflow.approved(manager, complaint, policy, now, pending.transition, pending.comment);
      return this.commitMove(
        manager,
        complaint,
        policy,
        now,
        this.actor(auth),
        [['closure.approved', { chain: chain.key, signatures: outcome.progress.signatures.length, comment: comment ?? null }]],
        moved,
        'transition',
      );
    });
  }

  /** Who is signing, with the department of their account (approval steps may name a department's manager). */
  private async signerOf(manager: EntityManager, auth: AuthContext) {
    const user = auth.userId ? await manager.findOne(User, { where: { id: auth.userId, tenantId: auth.tenantId } }) : null;
    return {
      userId: auth.userId ?? auth.tokenId ?? '',
      role: auth.role,
      email: user?.email ?? auth.email ?? null,
      departmentId: user?.departmentId ?? null,
    };
  }

  async assign(auth: AuthContext, input: AssignInput): Promise<Complaint> {
    return this.change(auth, input.complaintId, async (manager, complaint, policy, now) => {
      if (CLOSED_STATES.includes(complaint.state as ComplaintState)) throw ComplaintErrors.create('CLOSED');
      if (input.department && !policy.document.departments.some((d) => d.key === input.department)) {
        throw ComplaintErrors.create('UNKNOWN_DEPARTMENT', { field: 'input.department', params: { key: input.department } });
      }
      await this.assertUserOfTenant(manager, auth.tenantId, input.assigneeId, 'input.assigneeId');
      const reassigning = Boolean(complaint.assigneeId || complaint.department);
      if (reassigning && !input.reason?.trim()) throw ComplaintErrors.create('REASON_REQUIRED', { field: 'input.reason' });
      const before = { department: complaint.department ?? null, assigneeId: complaint.assigneeId ?? null };
      if (input.department && input.department !== complaint.department) {
        complaint.department = input.department;
        complaint.assigneeId = input.assigneeId ?? null;
      }
      if (input.assigneeId) complaint.assigneeId = input.assigneeId;
      const assigned: [string, Record<string, unknown>] = [
        'assigned',
        {
          before,
          after: { department: complaint.department ?? null, assigneeId: complaint.assigneeId ?? null },
          reason: input.reason ?? null,
        },
      ];
      // Given to a department: the workflow's `assigned` move (the default dispatches a received or assessed complaint).
      const moved = complaint.department ? await this.workflow.automaticIfAny(manager, complaint, policy, now, 'assigned') : null;
      if (moved)
        return this.commitMove(manager, complaint, policy, now, this.actor(auth), [assigned], moved, 'assignment', 'complaint.routed');
      return this.commit(manager, complaint, policy, now, this.actor(auth), [assigned], { type: 'assignment' }, 'complaint.routed');
    });
  }

  async addNote(auth: AuthContext, id: string, text: string, kind: 'comment' | 'internal_note' | 'progress'): Promise<Complaint> {
    return this.change(auth, id, async (manager, complaint, policy, now) => {
      if (!text.trim()) throw ComplaintErrors.create('REPLY_EMPTY', { field: 'text' });
      return this.commit(
        manager,
        complaint,
        policy,
        now,
        this.actor(auth),
        [[kind, { text }]],
        kind === 'progress' ? { type: 'progress' } : undefined,
      );
    });
  }

  async createTask(auth: AuthContext, input: TaskInput): Promise<ComplaintTask> {
    return this.change(auth, input.complaintId, async (manager, complaint, policy, now) => {
      if (!policy.document.departments.some((d) => d.key === input.department)) {
        throw ComplaintErrors.create('UNKNOWN_DEPARTMENT', { field: 'input.department', params: { key: input.department } });
      }
      await this.assertUserOfTenant(manager, auth.tenantId, input.assigneeId, 'input.assigneeId');
      const task = manager.create(ComplaintTask, {
        id: newId(),
        tenantId: auth.tenantId,
        complaintId: complaint.id,
        department: input.department,
        assigneeId: input.assigneeId ?? null,
        title: input.title,
        state: 'open',
      });
      await manager.insert(ComplaintTask, task);
      const departments = new Set(
        [
          complaint.department,
          ...(await manager.find(ComplaintTask, { where: { complaintId: complaint.id } })).map((t) => t.department),
        ].filter(Boolean),
      );
      const facts = complaint.facts as { complaint?: Record<string, unknown> };
      if (facts.complaint) facts.complaint.departmentsInvolved = departments.size;
      await this.commit(manager, complaint, policy, now, this.actor(auth), [
        ['task.created', { taskId: task.id, department: task.department, title: task.title }],
      ]);
      if (departments.size >= 2) await this.bus.publish(new ComplaintEscalationRaised(complaint, policy, now, 'cross_department'), manager);
      return task;
    });
  }

  async completeTask(auth: AuthContext, taskId: string, result: string): Promise<ComplaintTask> {
    const task = await this.dataSource.getRepository(ComplaintTask).findOne({ where: { id: taskId, tenantId: auth.tenantId } });
    if (!task) throw ComplaintErrors.create('NOT_FOUND', { field: 'taskId' });
    return this.change(auth, task.complaintId, async (manager, complaint, policy, now) => {
      task.state = 'done';
      task.result = result;
      task.completedAt = now;
      await manager.save(ComplaintTask, task);
      await this.commit(manager, complaint, policy, now, this.actor(auth), [
        ['task.completed', { taskId: task.id, department: task.department, result }],
      ]);
      return task;
    });
  }

  /** Variables a reply template may use, from the complaint as it is now. */
  async templateVariables(
    auth: AuthContext,
    complaint: Complaint,
    policy: CompiledPolicy,
    extra: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    const tenant = await this.tenants.get(complaint.tenantId);
    const complainant = await this.complainantOf({ ...auth, role: Role.admin }, complaint);
    const handler = complaint.assigneeId
      ? await this.dataSource.getRepository(User).findOne({ where: { id: complaint.assigneeId } })
      : null;
    const deadlines = await this.deadlines(complaint);
    const department = policy.document.departments.find((d) => d.key === complaint.department);
    return {
      tenant: { name: tenant.name },
      customer: { name: complainant.name ?? '', title: '' },
      complaint: {
        number: complaint.number,
        typeName: policy.document.complaintTypes.find((t) => t.key === complaint.typeKey)?.name.zh ?? complaint.typeKey,
        receivedAt: formatLocalDateTime(complaint.receivedAt, tenant.timeZone),
        text: complaint.text,
        reference: complaint.reference ?? '',
        severityName: policy.severityLevel(complaint.severity)?.name.zh ?? complaint.severity,
      },
      department: { name: department?.name.zh ?? complaint.department ?? '' },
      handler: { name: handler?.displayName ?? '' },
      deadline: Object.fromEntries(Object.entries(deadlines).map(([k, v]) => [k, formatLocalDateTime(v, tenant.timeZone)])),
      ...extra,
    };
  }

  /** Due time per SLA target, from the complaint's clocks. */
  private async deadlines(complaint: Complaint): Promise<Record<string, Date>> {
    const clocks = await this.sla.clocksFor(complaint.tenantId, complaint.id);
    return Object.fromEntries(clocks.map((c) => [c.target, c.dueAt]));
  }

  async reply(auth: AuthContext, input: ReplyInput): Promise<Complaint> {
    return this.change(auth, input.complaintId, async (manager, complaint, policy, now) => {
      if (CLOSED_STATES.includes(complaint.state as ComplaintState)) throw ComplaintErrors.create('CLOSED');
      let body = input.body?.trim() ?? '';
      let subject: string | null = null;
      if (input.templateKey) {
        const template = policy.document.templates.find((t) => t.key === input.templateKey);
        if (!template) throw ComplaintErrors.create('UNKNOWN_TEMPLATE', { field: 'input.templateKey', params: { key: input.templateKey } });
        // A reply goes to the customer: a staff-only template (公司机密) must never become one.
        if (template.internal)
          throw ComplaintErrors.create('INTERNAL_TEMPLATE', { field: 'input.templateKey', params: { key: input.templateKey } });
        const vars = await this.templateVariables(auth, complaint, policy, {
          reply: { solution: input.solution ?? '', rootCause: input.rootCause ?? '' },
        });
        body = renderTemplate(template.body, vars);
        subject = template.subject ? renderTemplate(template.subject, vars) : null;
      }
      if (!body) throw ComplaintErrors.create('REPLY_EMPTY', { field: 'input.body' });
      const draft = {
        templateKey: input.templateKey ?? null,
        channel: input.channel ?? complaint.channel,
        subject,
        body,
        solution: input.solution ?? null,
        rootCause: input.rootCause ?? null,
        proposedBy: auth.userId ?? null,
        proposedAt: now.toISOString(),
      };
      const chain = complaint.approvalStatus === 'approved' ? undefined : this.replyChainFor(complaint, policy);
      if (chain) {
        // Signed step by step (approval chains, issue 18); the progress travels with the proposed reply.
        const approval: ApprovalProgress = { chain: chain.key, step: 0, signatures: [] };
        complaint.pendingReply = { ...draft, approval };
        complaint.approvalStatus = 'pending';
        const moved = await this.workflow.automatic(manager, complaint, policy, now, 'reply.proposed', {
          reason: 'severity requires approval',
        });
        return this.commitMove(manager, complaint, policy, now, this.actor(auth), [['reply.proposed', { ...draft }]], moved, 'transition');
      }
      return this.send(manager, auth, complaint, policy, now, draft, null);
    });
  }

  private async send(
    manager: EntityManager,
    auth: AuthContext,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    draft: Record<string, unknown>,
    approvedBy: string | null,
  ): Promise<Complaint> {
    // The workflow's move first: a state it cannot be answered from refuses the reply before anything is written.
    const moved = await this.workflow.automatic(manager, complaint, policy, now, 'reply.sent');
    const reply = manager.create(ComplaintReply, {
      id: newId(),
      tenantId: complaint.tenantId,
      complaintId: complaint.id,
      templateKey: (draft.templateKey as string) ?? null,
      channel: String(draft.channel),
      subject: (draft.subject as string) ?? null,
      body: String(draft.body),
      sentBy: (draft.proposedBy as string) ?? auth.userId ?? null,
      approvedBy,
    });
    await manager.insert(ComplaintReply, reply);
    await this.outbox.enqueue(manager, {
      tenantId: complaint.tenantId,
      kind: 'notification',
      topic: 'complaint.reply',
      complaintId: complaint.id,
      // The notice rules for `complaint.replied` decide channels and recipients; the letter itself travels here.
      payload: {
        event: 'complaint.replied',
        customerId: complaint.customerId,
        channel: reply.channel,
        subject: reply.subject,
        body: reply.body,
        replyId: reply.id,
        templateKey: reply.templateKey,
      },
    });
    complaint.respondedAt = now;
    complaint.pendingReply = null;
    return this.commitMove(
      manager,
      complaint,
      policy,
      now,
      this.actor(auth),
      [['replied', { replyId: reply.id, channel: reply.channel, templateKey: reply.templateKey, approvedBy }]],
      moved,
      'reply',
      'complaint.replied',
    );
  }

  /**
   * A signature on the proposed reply, or a rejection. With a chain, each approval signs the waiting step; the reply
   * is sent when the last step is signed. A rejection returns it to the previous step (whose signatures are
   * withdrawn) with a reason; at the first step it refuses the proposal and the workflow takes it back.
   */
  async decideApproval(auth: AuthContext, id: string, approve: boolean, comment?: string | null): Promise<Complaint> {
    return this.change(auth, id, async (manager, complaint, policy, now) => {
      const pending = complaint.pendingReply;
      if (complaint.approvalStatus !== 'pending' || !pending) throw ComplaintErrors.create('NOT_AWAITING_APPROVAL');
      if (pending.proposedBy && pending.proposedBy === auth.userId) throw ComplaintErrors.create('SELF_APPROVAL');
      const stored = pending.approval as ApprovalProgress | undefined;
      const chain = (policy.document.approvalChains ?? []).find((c) => c.key === stored?.chain) ?? SINGLE_MANAGER_CHAIN;
      const progress: ApprovalProgress = stored ?? { chain: chain.key, step: 0, signatures: [] };
      const step = chain.steps[progress.step];
      if (!approve) {
        const back = returnToPrevious(chain, progress);
        if (back) {
          if (!comment?.trim()) throw ComplaintErrors.create('REJECTION_REASON_REQUIRED', { field: 'comment' });
          complaint.pendingReply = { ...pending, approval: back };
          return this.commit(manager, complaint, policy, now, this.actor(auth), [
            [
              'approval.returned',
              {
                chain: chain.key,
                from: step.key,
                to: chain.steps[back.step].key,
                comment,
              },
            ],
          ]);
        }
        complaint.approvalStatus = 'rejected';
        complaint.pendingReply = null;
        const moved = await this.workflow.automatic(manager, complaint, policy, now, 'approval.rejected');
        return this.commitMove(
          manager,
          complaint,
          policy,
          now,
          this.actor(auth),
          [['approval.rejected', { comment: comment ?? null, chain: chain.key, step: step.key }]],
          moved,
          'transition',
        );
      }
      const outcome = sign(chain, progress, await this.signerOf(manager, auth), now, comment);
      if (!outcome.ok) {
        throw ComplaintErrors.create(outcome.reason, {
          params: { step: outcome.step.name.zh, approvers: describeApprovers(outcome.step) },
        });
      }
      if (!outcome.chainDone) {
        complaint.pendingReply = { ...pending, approval: outcome.progress };
        return this.commit(manager, complaint, policy, now, this.actor(auth), [
          [
            'approval.signed',
            {
              chain: chain.key,
              step: step.key,
              remaining: outcome.remaining,
              next: outcome.stepDone ? chain.steps[outcome.progress.step].key : step.key,
              comment: comment ?? null,
            },
          ],
        ]);
      }
      complaint.approvalStatus = 'approved';
      await this.timeline.append(
        manager,
        complaint,
        'approval.approved',
        { comment: comment ?? null, chain: chain.key, signatures: outcome.progress.signatures.length },
        this.actor(auth),
        now,
      );
      const { approval: _approval, ...draft } = pending;
      return this.send(manager, auth, complaint, policy, now, draft, auth.userId ?? null);
    });
  }

  /** The approval chain a proposed reply needs: the policy's first matching `reply` chain, else one manager when the severity requires approval. */
  private replyChainFor(complaint: Complaint, policy: CompiledPolicy): ApprovalChain | undefined {
    const chain = chainFor(policy.document, 'reply', this.workflow.factsOf(complaint, policy));
    if (chain) return chain;
    return policy.severityLevel(complaint.severity)?.requiresApproval ? SINGLE_MANAGER_CHAIN : undefined;
  }

  /**
   * 回访: by the workflow's follow-up moves. The default: satisfied → closed; unsatisfied → dispatched again; unsatisfied
   * the N-th time (2 by default, REQUIREMENTS §2) → handed to the department's manager — a guard on
   * complaint.unsatisfiedCount the policy owns.
   */
  async recordFollowUp(auth: AuthContext, input: FollowUpInput): Promise<Complaint> {
    return this.change(auth, input.complaintId, async (manager, complaint, policy, now) => {
      const trigger = input.satisfied ? 'follow_up.satisfied' : 'follow_up.unsatisfied';
      if (!this.workflow.canTrigger(complaint, policy, trigger)) throw ComplaintErrors.create('NOT_RESPONDED');
      complaint.satisfaction = input.satisfied ? 'satisfied' : 'unsatisfied';
      complaint.satisfactionScore = input.score;
      const events: [string, Record<string, unknown>][] = [
        [
          'followed_up',
          { satisfied: input.satisfied, score: input.score, comment: input.comment ?? null, method: input.method ?? 'phone' },
        ],
      ];
      if (input.satisfied) {
        const moved = await this.workflow.automatic(manager, complaint, policy, now, trigger, { reason: 'customer satisfied' });
        return this.commitMove(manager, complaint, policy, now, this.actor(auth), events, moved, 'follow_up');
      }
      complaint.unsatisfiedCount += 1;
      complaint.approvalStatus = null;
      const moved = await this.workflow.automatic(manager, complaint, policy, now, trigger);
      if (!moved.definition.actions?.some((a) => a.type === 'assign_manager')) {
        events.push(['redispatched', { reason: 'customer unsatisfied', department: complaint.department ?? null, to: complaint.state }]);
      }
      await this.commitMove(manager, complaint, policy, now, this.actor(auth), events, moved, 'follow_up', 'complaint.followedUp');
      await this.bus.publish(new ComplaintEscalationRaised(complaint, policy, now, 'unsatisfied'), manager);
      return complaint;
    });
  }

  // ---------------------------------------------------------------- the complainant's own actions (portal)

  /** The complainant adds information and/or files (claimed in the same transaction); staff see it on the timeline. */
  async customerAddInformation(tenantId: string, id: string, text: string, attachmentIds: string[], via: string): Promise<Complaint> {
    return this.change({ tenantId, role: CUSTOMER }, id, async (manager, complaint, policy, now) => {
      if (CLOSED_STATES.includes(complaint.state as ComplaintState)) throw ComplaintErrors.create('CLOSED');
      if (!text.trim() && !attachmentIds.length) throw ComplaintErrors.create('REPLY_EMPTY', { field: 'text' });
      await this.attachments.claim(
        manager,
        tenantId,
        complaint.id,
        attachmentIds,
        attachmentLimits(policy.document.settings),
        'attachments',
      );
      complaint.attachments = [...(complaint.attachments ?? []), ...attachmentIds];
      return this.commit(manager, complaint, policy, now, { role: CUSTOMER }, [
        ['customer.added_information', { text: text.trim(), attachments: attachmentIds, via }],
      ]);
    });
  }

  /** The complainant withdraws: the complaint closes with the reason, its clocks stop. */
  async customerWithdraw(tenantId: string, id: string, reason: string, via: string): Promise<Complaint> {
    return this.change({ tenantId, role: CUSTOMER }, id, async (manager, complaint, policy, now) => {
      if (CLOSED_STATES.includes(complaint.state as ComplaintState)) throw ComplaintErrors.create('CLOSED');
      const moved = await this.workflow.automatic(manager, complaint, policy, now, 'customer.withdrew', {
        reason: 'withdrawn by the complainant',
      });
      return this.commitMove(
        manager,
        complaint,
        policy,
        now,
        { role: CUSTOMER },
        [['customer.withdrew', { reason: reason.trim() || null, via }]],
        moved,
        'transition',
      );
    });
  }

  /** Closure without a satisfied follow-up: a manager's decision with a reason. */
  async close(auth: AuthContext, id: string, reason: string): Promise<Complaint> {
    return this.transition(auth, id, 'closed', reason);
  }

  async confirmCause(auth: AuthContext, id: string, cause: string): Promise<Complaint> {
    return this.change(auth, id, async (manager, complaint, policy, now) => {
      const before = complaint.cause ?? null;
      complaint.cause = cause;
      return this.commit(manager, complaint, policy, now, this.actor(auth), [
        ['cause.confirmed', { before, cause, predicted: complaint.predictedCause ?? null }],
      ]);
    });
  }
  // ---------------------------------------------------------------- for other modules (incidents)

  /** Open complaints received since `since`, oldest first (incident grouping reads at most `limit`). */
  recentOpen(tenantId: string, since: Date, limit: number): Promise<Complaint[]> {
    return this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId AND c.received_at >= :since AND c.state NOT IN (:...closed)', {
        tenantId,
        since,
        closed: CLOSED_STATES,
      })
      .orderBy('c.received_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** The tenant's complaints with these ids (unknown or other tenants' ids are simply absent). */
  findByIds(tenantId: string, ids: readonly string[]): Promise<Complaint[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.getRepository(Complaint).find({ where: { tenantId, id: In([...ids]) } });
  }

  /** An event another module records on the complaint's timeline (e.g. joined incident INC-…), in its own transaction. */
  async recordEvent(tenantId: string, id: string, type: string, data: Record<string, unknown>, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await manager.getRepository(Complaint).findOne({ where: { id, tenantId } });
      if (!complaint) throw ComplaintErrors.create('NOT_FOUND', { field: 'id' });
      await this.timeline.append(manager, complaint, type, data, actor, this.clock.now());
    });
  }
}
