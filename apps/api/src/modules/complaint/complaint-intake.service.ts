import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource, EntityManager, QueryFailedError, SelectQueryBuilder, TypeORMError } from 'typeorm';
import { Clock } from '../../common/clock';
import { GroupCommit } from '../../database/group-commit';
import { WriteInvalidatedCache } from '../../database/write-invalidated-cache';
import { fastInsert } from '../../database/fast-insert';
import { readScalars, scalarsStatement, unionAllStatement, type Statement } from '../../database/scalar-selects';
import { cachedStatement } from '../../database/statement-cache';
import { newId } from '../../common/db/columns';
import type { AuthContext } from '../../common/auth/auth-context';
import { PersonalDataCipher } from '../../common/crypto/personal-data';
import { TenantService } from '../tenant/tenant.service';
import { PolicyService } from '../policy/policy.service';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { OutboxService } from '../outbox/outbox.service';
import { Customer } from '../customer/customer.entity';
import { User } from '../auth/user.entity';
import { Complaint } from './complaint.entity';
import { ComplaintErrors } from './complaint.exception';
import type { SubmitComplaintInput } from './dtos/complaint.inputs';
import { NO_CONTACT, validateForm } from './form-validation';
import { buildIntakeFacts, type AggregateFacts } from './facts';
import { requestFingerprint } from './request-fingerprint';
import { SlaCalendars } from '../sla/sla-calendars.service';
import { DEFAULT_NUMBER_PATTERN, formatComplaintNumber, numberPeriod } from './numbering';
import { ComplaintTimeline } from './complaint-timeline';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { ComplaintEscalationRaised, ComplaintReceived } from './complaint.events';
import { PluginHooks } from './plugin-hooks';
import { AttachmentService } from '../attachment/attachment.service';
import { attachmentLimits } from '../attachment/attachment-content';
import { CAUSE_PREDICTOR, causeText, type CausePredictor, type PredictedCause } from '../intelligence/cause-predictor';

const DAY = 86_400_000;
const TEAM_MEMBERS_MAX_AGE_MS = 5_000;
/** Distinct-customer aggregates are exact up to this many (this customer included); above it they read as the cap. */
export const DISTINCT_CUSTOMERS_CAP = 1000;

/**
 * Intake: one way through for a complaint (docs/architecture.md). Validate the form against the pinned policy
 * version, assemble facts (with aggregates), decide validity → severity → routing → SLA, and write the number,
 * the complaint, its timeline with explanations, its SLA clocks and its outbox rows in ONE transaction (shared with
 * the intakes arriving at the same moment, each in its own savepoint: GroupCommit).
 */
@Injectable()
export class ComplaintIntakeService {
  /** The cause classifier (intelligence module), resolved on first use; null when that module is not loaded. */
  private predictor?: CausePredictor | null;
  private readonly logger = new Logger('ComplaintIntake');
  /**
   * A team's active members for the assignment strategies, by tenant and member e-mails: one read per team instead
   * of one per intake. Emptied by every write to a user through this instance (a deactivated handler gets no new
   * complaint from the next intake on); on PostgreSQL another instance's change is seen within
   * TEAM_MEMBERS_MAX_AGE_MS.
   */
  private readonly teamMembers: WriteInvalidatedCache<User[], User>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly tenants: TenantService,
    private readonly policies: PolicyService,
    private readonly outbox: OutboxService,
    private readonly timeline: ComplaintTimeline,
    private readonly bus: DomainEventBus,
    private readonly plugins: PluginHooks,
    private readonly calendars: SlaCalendars,
    private readonly cipher: PersonalDataCipher,
    private readonly moduleRef: ModuleRef,
    private readonly attachments: AttachmentService,
    private readonly groupCommit: GroupCommit,
  ) {
    this.teamMembers = new WriteInvalidatedCache(dataSource, User, { postgresMaxAgeMs: TEAM_MEMBERS_MAX_AGE_MS });
  }

  // ── cause classifier hook (intelligence module): its prediction becomes the `prediction.*` rule facts ──
  private async predictCause(tenantId: string, title: string | null | undefined, text: string): Promise<PredictedCause | null> {
    if (this.predictor === undefined) {
      try {
        this.predictor = this.moduleRef.get<CausePredictor>(CAUSE_PREDICTOR, { strict: false });
      } catch {
        this.predictor = null;
      }
    }
    // The predictor never throws and answers from memory; outside the transaction so a model load holds no lock.
    return this.predictor ? this.predictor.predict(tenantId, causeText(title, text)) : null;
  }

  get personalData(): PersonalDataCipher {
    return this.cipher;
  }

  async submit(auth: AuthContext, input: SubmitComplaintInput): Promise<Complaint> {
    const fingerprint = requestFingerprint(input, (value) => this.cipher.blindIndex(value));
    try {
      return await this.submitOnce(auth, input, fingerprint);
    } catch (error) {
      // A retry: the key's unique index refuses the second row (its unit is rolled back to its savepoint, its number
      // given back) and the complaint the key made is the answer — also when two retries raced. The key is looked up
      // only when something failed, not before every intake: a retry is rare, a lookup per intake was a read (on
      // PostgreSQL a round trip through the pool) that nearly every request paid for nothing. Looked up after any
      // failure, so a retry still gets its complaint when the policy has changed since and would refuse it now.
      if (input.idempotencyKey) {
        const existing = await this.findByIdempotencyKey(auth.tenantId, input.idempotencyKey);
        if (existing) return this.retried(existing, input.idempotencyKey, fingerprint);
      }
      throw error;
    }
  }

  private findByIdempotencyKey(tenantId: string, key: string): Promise<Complaint | null> {
    return this.dataSource.getRepository(Complaint).findOne({ where: { tenantId, idempotencyKey: key } });
  }

  /**
   * The complaint a key already made — when this call asks for the same thing (a retry). Other content under the
   * same key is a client bug that would otherwise lose the second complaint silently. Rows from before the
   * fingerprint existed (NULL) cannot be compared and are returned as before.
   */
  private retried(existing: Complaint, key: string, fingerprint: string): Complaint {
    if (existing.requestHash && existing.requestHash !== fingerprint) {
      throw ComplaintErrors.create('IDEMPOTENCY_KEY_REUSED', { field: 'input.idempotencyKey', params: { key, number: existing.number } });
    }
    return existing;
  }

  private async submitOnce(auth: AuthContext, input: SubmitComplaintInput, fingerprint: string): Promise<Complaint> {
    const tenant = await this.tenants.getRecent(auth.tenantId);
    const policy = await this.policies.getCurrent(auth.tenantId);
    if (!policy) throw ComplaintErrors.create('NO_PUBLISHED_POLICY');
    const type = policy.document.complaintTypes.find((t) => t.key === input.type && t.active !== false);
    if (!type) throw ComplaintErrors.create('UNKNOWN_TYPE', { field: 'input.type', params: { key: input.type } });
    if (!policy.document.channels.some((c) => c.key === input.channel)) {
      throw ComplaintErrors.create('UNKNOWN_CHANNEL', { field: 'input.channel', params: { key: input.channel } });
    }
    const now = this.clock.now();
    const calendar = this.calendars.calendar(auth.tenantId, policy);
    const context = { now, timeZone: tenant.timeZone, calendar };
    const rawForm = (input.form ?? {}) as Record<string, unknown>;
    const fields = policy.fieldsForType(type.key);
    const preFacts = {
      complaint: {
        channel: input.channel,
        type: type.key,
        typePath: policy.typePath(type.key),
        kind: type.kind,
        text: input.text,
        form: rawForm,
      },
    };
    const { values: form, problems } = validateForm(fields, rawForm, preFacts, context);
    const complainant = input.complainant ?? {};
    if (!complainant.phone && !complainant.email && !complainant.customerReference) {
      problems.push({ field: 'complainant.phone', ...NO_CONTACT });
    }
    if (problems.length) {
      throw ComplaintErrors.create('FORM_INVALID', {
        field: `input.${problems[0].field}`,
        params: { count: problems.length },
        problems: problems.map((p) => ({ field: `input.${p.field}`, code: p.code, message: p.message, messages: p.messages })),
      });
    }
    const personalKeys = new Set(fields.filter((f) => f.personal).map((f) => f.key));
    const storedForm = Object.fromEntries(
      Object.entries(form).map(([k, v]) => [k, personalKeys.has(k) ? this.cipher.encrypt(String(v)) : v]),
    );
    const factsForm = Object.fromEntries(Object.entries(form).filter(([k]) => !personalKeys.has(k)));

    const prediction = await this.predictCause(auth.tenantId, input.title, input.text);
    // Group commit (database/group-commit.ts): concurrent intakes share one transaction and one fsync, each in its
    // own savepoint, each answered only after the shared commit.
    const complaint = await this.groupCommit.run(async (manager) => {
      const customer = await this.findOrCreateCustomer(manager, auth.tenantId, complainant);
      const aggregates = await this.aggregates(
        manager,
        auth.tenantId,
        customer.id,
        type.key,
        prediction?.cause ?? null,
        input.reference ?? null,
        now,
      );
      let facts = buildIntakeFacts(
        {
          channel: input.channel,
          type: type.key,
          typePath: policy.typePath(type.key),
          kind: type.kind,
          title: input.title,
          text: input.text,
          requestedRemedy: input.requestedRemedy,
          reference: input.reference,
          occurredAt: input.occurredAt ?? null,
          receivedAt: now,
          form: factsForm,
          attachmentCount: input.attachments?.length ?? 0,
          hasPhone: Boolean(complainant.phone),
          customerReference: complainant.customerReference ? 'present' : null,
        },
        aggregates,
        calendar,
        tenant.timeZone,
        prediction,
      );
      // Plugins' blocking hooks may add facts or reject before anything is written.
      facts = await this.plugins.beforeSubmit(auth.tenantId, facts, { manager });

      const decisions = policy.decide(facts, context);
      // The number is taken just before the row is written (the complaint is inserted with it: no second UPDATE).
      // The counter row stays locked from its upsert to the commit — under group commit that is the batch's commit
      // whatever the position inside the unit — and a unit rolled back to its savepoint gives the serial back.
      const id = newId();
      const assigneeId = decisions.validity.valid ? await this.pickAssignee(manager, auth.tenantId, policy, decisions.routing) : null;
      const state = !decisions.validity.valid ? 'invalid_closed' : decisions.routing.department ? 'dispatched' : 'assessed';
      const number = await this.nextNumber(
        manager,
        auth.tenantId,
        policy.document.settings.numberPattern ?? tenant.settings.numberPattern ?? DEFAULT_NUMBER_PATTERN,
        tenant.timeZone,
        now,
      );
      const entity = manager.create(Complaint, {
        id,
        tenantId: auth.tenantId,
        number,
        idempotencyKey: input.idempotencyKey ?? null,
        requestHash: fingerprint,
        channel: input.channel,
        typeKey: type.key,
        kind: type.kind,
        title: input.title ?? null,
        text: input.text,
        requestedRemedy: input.requestedRemedy ?? null,
        reference: input.reference ?? null,
        occurredAt: input.occurredAt ?? null,
        receivedAt: now,
        form: storedForm,
        attachments: input.attachments ?? [],
        customerId: customer.id,
        state,
        valid: decisions.validity.valid,
        invalidReason: decisions.validity.reason ?? null,
        severity: decisions.severity.level,
        department: decisions.validity.valid ? (decisions.routing.department ?? null) : null,
        team: decisions.validity.valid ? (decisions.routing.team ?? null) : null,
        assigneeId,
        firstContactId: auth.userId ?? null,
        slaPolicy: decisions.validity.valid ? (decisions.sla.policy ?? null) : null,
        predictedCause: prediction?.cause ?? null,
        predictedConfidence: prediction?.confidence ?? null,
        policyVersion: policy.version,
        facts: {
          ...facts,
          validity: { valid: decisions.validity.valid, reason: decisions.validity.reason ?? null },
          severity: decisions.severity.level,
        },
        unsatisfiedCount: 0,
        reopenCount: 0,
        slaStatus: 'on_time',
        updatedAt: now,
        closedAt: state === 'invalid_closed' ? now : null,
        // Given, not left to the database: the insert reads nothing back.
        createdAt: now,
        version: 1,
      });
      const actor = { id: auth.userId ?? auth.tokenId ?? null, role: auth.role };
      const events: [string, Record<string, unknown>][] = [
        ['received', { channel: input.channel, type: type.key, policyVersion: policy.version }],
        [
          'decision.validity',
          {
            ruleSet: 'validity',
            outcome: { valid: decisions.validity.valid, reason: decisions.validity.reason ?? null },
            rowKey: decisions.validity.rowKey ?? null,
            policyVersion: policy.version,
            explanation: decisions.validity.trace ?? null,
            trace: decisions.validity.explained ?? null,
          },
        ],
        [
          'decision.severity',
          {
            ruleSet: 'severity',
            outcome: decisions.severity.level,
            rowKey: decisions.severity.rowKey ?? null,
            policyVersion: policy.version,
            explanation: decisions.severity.trace ?? null,
            trace: decisions.severity.explained ?? null,
          },
        ],
      ];
      // The prediction the rules saw, with runners-up and driving words (no personal data), right after `received`.
      if (prediction) events.splice(1, 0, ['prediction', { ...prediction }]);
      if (decisions.validity.valid) {
        events.push(
          [
            'decision.routing',
            {
              ruleSet: 'routing',
              outcome: {
                department: decisions.routing.department ?? null,
                team: decisions.routing.team ?? null,
                assigneeId,
                strategy: decisions.routing.strategy,
              },
              rowKey: decisions.routing.rowKey ?? null,
              policyVersion: policy.version,
              explanation: decisions.routing.trace ?? null,
              trace: decisions.routing.explained ?? null,
            },
          ],
          [
            'decision.sla',
            {
              ruleSet: 'sla',
              outcome: decisions.sla.policy ?? null,
              rowKey: decisions.sla.rowKey ?? null,
              policyVersion: policy.version,
              explanation: decisions.sla.trace ?? null,
              trace: decisions.sla.explained ?? null,
            },
          ],
        );
      } else {
        events.push([
          'transitioned',
          { from: 'received', to: 'invalid_closed', reason: decisions.validity.reason ?? null, automatic: true },
        ]);
      }
      events.push(...this.calendarFaults(auth.tenantId, policy, decisions.validity.valid ? decisions.sla.policy : undefined));
      await this.timeline.appendMany(manager, entity, events, actor, now, { first: true });
      // The clocks start before the complaint's row is written, so their SLA status and deadline go into its INSERT
      // (no UPDATE after it). Nothing references the complaint row by a foreign key.
      if (entity.valid) await this.startClocksOrFlag(manager, entity, policy, now, actor);
      await fastInsert(manager, Complaint, [entity]);
      // Uploaded files (ids from POST /attachments, the portal or e-mail intake) become this complaint's, or nothing is written.
      await this.attachments.claim(manager, auth.tenantId, id, input.attachments ?? [], attachmentLimits(policy.document.settings));
      if (entity.valid) await this.bus.publish(new ComplaintEscalationRaised(entity, policy, now, 'aggregate'), manager);
      const published: [string, Record<string, unknown>][] = [
        ['complaint.submitted', { facts: entity.facts }],
        [
          'complaint.assessed',
          { validity: { valid: decisions.validity.valid, reason: decisions.validity.reason ?? null }, severity: decisions.severity.level },
        ],
      ];
      if (entity.valid && entity.department) {
        published.push([
          'complaint.routed',
          {
            routing: {
              department: entity.department,
              team: entity.team ?? null,
              assigneeId: entity.assigneeId ?? null,
              strategy: decisions.routing.strategy,
            },
            slaPolicy: entity.slaPolicy ?? null,
          },
        ]);
      }
      // One multi-row insert into the outbox for the three events.
      await this.plugins.publishEvents(manager, entity, now, published);
      return entity;
    });
    return complaint;
  }

  /**
   * The faults of the calendars this complaint uses (the default one for its facts, its SLA targets' ones): a policy
   * fault never loses a complaint (issue 12 item 4) — the built-in calendar stands in, and the timeline says so.
   */
  private calendarFaults(tenantId: string, policy: CompiledPolicy, slaPolicy: string | undefined): [string, Record<string, unknown>][] {
    const keys = new Set<string>([this.calendars.defaultKey(policy)]);
    for (const target of (slaPolicy ? policy.slaPolicy(slaPolicy)?.targets : undefined) ?? [])
      keys.add(target.calendar || this.calendars.defaultKey(policy));
    return [...keys]
      .map((key) => this.calendars.fault(tenantId, policy, key))
      .filter((fault) => fault !== null)
      .map((fault) => ['policy.fault', { kind: 'calendar', ...fault }]);
  }

  /**
   * Starts the clocks; a policy fault in them (not a database error: that aborts the transaction and must fail the
   * request) leaves the complaint stored without clocks and says so on its timeline, for a person to set deadlines.
   */
  private async startClocksOrFlag(
    manager: EntityManager,
    entity: Complaint,
    policy: CompiledPolicy,
    now: Date,
    actor: { id: string | null; role: string },
  ): Promise<void> {
    try {
      // The SLA module starts the clocks on this event, in this transaction.
      await this.bus.publish(new ComplaintReceived(entity, policy, now, true), manager);
    } catch (error) {
      if (error instanceof QueryFailedError || error instanceof TypeORMError) throw error;
      this.logger.error(
        `complaint ${entity.id}: clocks of SLA policy "${entity.slaPolicy}" (v${policy.version}) failed: ${(error as Error).message}`,
      );
      await this.timeline.append(
        manager,
        entity,
        'policy.fault',
        {
          kind: 'sla',
          slaPolicy: entity.slaPolicy ?? null,
          policyVersion: policy.version,
          fallback: 'no_clocks',
          message: (error as Error).message,
        },
        actor,
        now,
      );
    }
  }

  private async findOrCreateCustomer(
    manager: EntityManager,
    tenantId: string,
    input: SubmitComplaintInput['complainant'],
  ): Promise<Pick<Customer, 'id'>> {
    const hashes = {
      phoneHash: this.cipher.blindIndex(input.phone),
      idNumberHash: this.cipher.blindIndex(input.idNumber),
      emailHash: this.cipher.blindIndex(input.email),
      referenceHash: this.cipher.blindIndex(input.customerReference),
    };
    for (const key of ['idNumberHash', 'phoneHash', 'referenceHash', 'emailHash'] as const) {
      if (!hashes[key]) continue;
      // Only the id is used: no entity to build, and the statement built once per key (statement-cache.ts).
      const [sql, parameters] = cachedStatement(
        manager,
        `intake.customer|${key}`,
        (v) =>
          manager
            .getRepository(Customer)
            .createQueryBuilder('c')
            .select('c.id', 'id')
            .where(`c.tenantId = :tenantId AND c.${key} = :hash`, { tenantId: v.tenantId, hash: v.hash })
            .limit(1)
            .getQueryAndParameters(),
        { tenantId, hash: hashes[key] },
      );
      const [found]: { id: string }[] = await manager.query(sql, parameters);
      if (found) return found;
    }
    const customer = manager.create(Customer, {
      id: newId(),
      tenantId,
      nameEnc: this.cipher.encrypt(input.name),
      phoneEnc: this.cipher.encrypt(input.phone),
      emailEnc: this.cipher.encrypt(input.email),
      idNumberEnc: this.cipher.encrypt(input.idNumber),
      referenceEnc: this.cipher.encrypt(input.customerReference),
      ...hashes,
    });
    // Not read back (only its id is used): the insert's reload of `createdAt` cost a query per intake.
    await fastInsert(manager, Customer, [customer]);
    return customer;
  }

  /**
   * The counting facts (their meaning is documented on AggregateFacts and in the fact labels): valid complaints
   * only, the one being submitted always included, "same cause" by confirmed-else-predicted cause.
   */
  private async aggregates(
    manager: EntityManager,
    tenantId: string,
    customerId: string,
    typeKey: string,
    cause: string | null,
    reference: string | null,
    now: Date,
  ): Promise<AggregateFacts> {
    const since = new Date(now.getTime() - 30 * DAY);
    // The statement is built once per shape (with or without a cause and a reference) and bound to this intake's
    // values (database/statement-cache.ts): building it through the query builders cost more than running it.
    const [sql, parameters] = cachedStatement(
      manager,
      `intake.aggregates|${cause ? 'cause' : ''}|${reference ? 'reference' : ''}`,
      (v) => {
        const valid = () =>
          manager
            .getRepository(Complaint)
            .createQueryBuilder('c')
            .where('c.tenant_id = :tenantId AND c.valid = :valid', { tenantId: v.tenantId, valid: v.valid });
        const otherCustomers = () =>
          valid()
            .select('DISTINCT c.customer_id', 'customer_id')
            .andWhere('c.received_at >= :since AND c.customer_id <> :customerId', { since: v.since, customerId: v.customerId });
        // Distinct customers are counted up to a cap: an exact count reads every complaint of the type in 30 days at
        // every intake (0.7 ms at 700, growing with the table — a regulator campaign of 20,000 made each intake slower
        // than the last). DISTINCT … LIMIT stops once the cap is reached; rules compare against small thresholds
        // (the seeds' 批量投诉: three or more customers).
        const capped = (qb: SelectQueryBuilder<Complaint>): Statement => {
          const [inner, bound] = qb.limit(DISTINCT_CUSTOMERS_CAP - 1).getQueryAndParameters();
          return [`SELECT COUNT(*) FROM (${inner}) capped`, bound];
        };
        const counted = (qb: SelectQueryBuilder<Complaint>): Statement => qb.select('COUNT(*)').getQueryAndParameters();
        // All in one statement (one round trip to PostgreSQL instead of up to five).
        return scalarsStatement(manager, {
          last30: counted(
            valid().andWhere('c.customer_id = :customerId AND c.received_at >= :since', { customerId: v.customerId, since: v.since }),
          ),
          total: counted(valid().andWhere('c.customer_id = :customerId', { customerId: v.customerId })),
          same_type: capped(otherCustomers().andWhere('c.type_key = :typeKey', { typeKey: v.typeKey })),
          // A confirmed cause overrides the prediction it was made from.
          ...(cause
            ? {
                same_cause: capped(
                  otherCustomers().andWhere('(c.cause = :cause OR (c.cause IS NULL AND c.predicted_cause = :cause))', { cause: v.cause }),
                ),
              }
            : {}),
          ...(reference ? { same_reference: counted(valid().andWhere('c.reference = :reference', { reference: v.reference })) } : {}),
        } as Record<string, Statement>);
      },
      { tenantId, valid: true, customerId, since, typeKey, cause, reference },
    );
    const n = readScalars(await manager.query(sql, parameters), ['last30', 'total', 'same_type', 'same_cause', 'same_reference']);
    // Each count leaves out the complaint being submitted (not written yet): + 1. Without a cause or a reference the
    // fact is 0 (nothing is known to be the same).
    return {
      customerComplaintsLast30Days: n.last30 + 1,
      customerComplaintsTotal: n.total + 1,
      sameTypeCustomers30d: n.same_type + 1,
      sameCauseCustomers30d: cause ? n.same_cause + 1 : 0,
      sameReferenceCount: reference ? n.same_reference + 1 : 0,
    };
  }

  /** Atomic monthly serial: an upsert on the counter row (row lock on PostgreSQL, serialized writer on SQLite). */
  private async nextNumber(manager: EntityManager, tenantId: string, pattern: string, timeZone: string, now: Date): Promise<string> {
    const period = numberPeriod(now, timeZone);
    const pg = manager.connection.options.type === 'postgres';
    const sql = pg
      ? 'INSERT INTO complaint_counter (tenant_id, period, last_value) VALUES ($1, $2, 1) ON CONFLICT (tenant_id, period) DO UPDATE SET last_value = complaint_counter.last_value + 1 RETURNING last_value'
      : 'INSERT INTO complaint_counter (tenant_id, period, last_value) VALUES (?, ?, 1) ON CONFLICT (tenant_id, period) DO UPDATE SET last_value = last_value + 1 RETURNING last_value';
    const rows: { last_value: number | string }[] = await manager.query(sql, [tenantId, period]);
    return formatComplaintNumber(pattern, now, timeZone, Number(rows[0].last_value));
  }

  /** Assignment strategy from the routing row: a named person, round-robin or least-loaded in the team. */
  async pickAssignee(
    manager: EntityManager,
    tenantId: string,
    policy: CompiledPolicy,
    routing: { department?: string; team?: string; assignee?: string; strategy: string },
  ): Promise<string | null> {
    const users = manager.getRepository(User);
    if (routing.assignee) {
      const user = await users.findOne({ where: { tenantId, email: routing.assignee.toLowerCase(), active: true } });
      if (user) return user.id;
    }
    if (routing.strategy === 'manual' || !routing.department) return null;
    const team = policy.document.teams.find((t) => (routing.team ? t.key === routing.team : t.departmentKey === routing.department));
    if (!team || !team.members.length) return null;
    const emails = team.members.map((m) => m.toLowerCase());
    const members =
      (await this.teamMembers.get(`${tenantId}\n${emails.join('\n')}`, () =>
        users
          .createQueryBuilder('u')
          .where('u.tenant_id = :tenantId AND u.active = :active AND u.email IN (:...emails)', { tenantId, active: true, emails })
          .getMany(),
      )) ?? [];
    if (!members.length) return null;
    const ids = members.map((m) => m.id).sort();
    const openStates = ['dispatched', 'in_progress', 'waiting_customer', 'awaiting_approval', 'reopened', 'assessed'];
    if (routing.strategy === 'least_loaded') {
      const loads: { assignee_id: string; n: string | number }[] = await manager
        .getRepository(Complaint)
        .createQueryBuilder('c')
        .select('c.assignee_id', 'assignee_id')
        .addSelect('COUNT(*)', 'n')
        .where('c.tenant_id = :tenantId AND c.assignee_id IN (:...ids) AND c.state IN (:...openStates)', { tenantId, ids, openStates })
        .groupBy('c.assignee_id')
        .getRawMany();
      const load = new Map(loads.map((l) => [l.assignee_id, Number(l.n)]));
      return ids.reduce((best, id) => ((load.get(id) ?? 0) < (load.get(best) ?? 0) ? id : best), ids[0]);
    }
    // round_robin: the member after the one who got this team's latest complaint (latest by received_at, then
    // number). Asked per member — one probe of ix_complaint_assignee_received each — rather than sorting all of
    // the team's complaints; the latest of the members' latest ones is the team's latest.
    // One statement for all members (UNION ALL of one LIMIT 1 probe each).
    const [sql, parameters] = cachedStatement(
      manager,
      `intake.roundRobin|${ids.length}`,
      (v) =>
        unionAllStatement(
          manager,
          ids.map((_, i) =>
            manager
              .getRepository(Complaint)
              .createQueryBuilder('c')
              .select('c.assignee_id', 'assignee_id')
              .addSelect('c.received_at', 'received_at')
              .addSelect('c.number', 'number')
              .where(`c.tenant_id = :tenantId AND c.assignee_id = :assignee${i}`, {
                tenantId: v.tenantId,
                [`assignee${i}`]: v[`assignee${i}`],
              })
              .orderBy('c.received_at', 'DESC')
              .addOrderBy('c.number', 'DESC')
              .limit(1)
              .getQueryAndParameters(),
          ),
        ),
      { tenantId, ...Object.fromEntries(ids.map((id, i) => [`assignee${i}`, id])) },
    );
    const latest: { assignee_id: string; received_at: Date | string; number: string }[] = await manager.query(sql, parameters);
    let last: { assigneeId: string; at: string; number: string } | null = null;
    for (const row of latest) {
      // SQLite returns 'YYYY-MM-DD HH:MM:SS.SSS' text, PostgreSQL a Date: both compare in order as these strings.
      const at = row.received_at instanceof Date ? row.received_at.toISOString() : String(row.received_at);
      if (!last || at > last.at || (at === last.at && row.number > last.number))
        last = { assigneeId: row.assignee_id, at, number: row.number };
    }
    if (!last) return ids[0];
    return ids[(ids.indexOf(last.assigneeId) + 1) % ids.length];
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|duplicate key/i.test(e?.message ?? '');
}
