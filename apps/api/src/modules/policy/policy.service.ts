import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { defaultEngine } from '@redress/rules';
import { emptyPolicy, type ApprovalChain, type PolicyDocument } from '@redress/sdk';
import { PolicyVersion } from './policy-version.entity';
import { PolicyDraftService, auditActorOf, problemsForError, type PolicyActor } from './policy-draft.service';
import { AuditService } from '../audit/audit.service';
import { TenantService } from '../tenant/tenant.service';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { PolicyErrors } from './policy.exception';
import { CompiledPolicy } from './engine/compiled-policy';
import { canonicalJson, contentHash } from './engine/canonical-json';
import { normalizeDocument } from './engine/policy-document';
import { validatePolicy } from './engine/validate-policy';
import { assertJsonDepth } from '../../common/json-depth';
import { failureLines, runRuleTests, type RuleTestResult } from './engine/rule-tests';
import { diffPolicies, type PolicyDiff } from './engine/policy-diff';
import { checkDocumentShape } from './engine/document-shape';
import type { PolicyProblem } from './engine/policy-problem';
import { approvalSignerProblems, checkPolicyPeople, peopleNamedBy } from './engine/policy-people';
import { User } from '../auth/user.entity';
import { chainFor, describeApprovers, returnToPrevious, sign } from './engine/approval-chain';

export interface PolicyValidation {
  valid: boolean;
  problems: PolicyProblem[];
  tests: RuleTestResult[];
}

/** A version reference in the API: a number, or "draft" (and "current" where it makes sense). */
export type VersionRef = number | 'draft' | 'current';

/** How long a cached current policy is trusted before the version number is re-read (other API instances may publish). */
const CURRENT_RECHECK_MS = 5_000;
const VERSION_CACHE_SIZE = 64;

/**
 * Publishing, versions and the compiled current policy. Other modules use `getCurrent` / `getVersion` to decide, and
 * `publishDocument` / `mergeIntoDraft` to contribute policy (demo seeder, plugins).
 */
@Injectable()
export class PolicyService {
  private readonly current = new Map<string, { compiled: CompiledPolicy | null; checkedAt: number }>();
  private readonly versions = new Map<string, CompiledPolicy>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly draft: PolicyDraftService,
    private readonly audit: AuditService,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {}

  // ── for other modules ──────────────────────────────────────────────────────────────────────────────

  /** The tenant's current (highest published) version, compiled; null before the first publish. Cached per tenant. */
  async getCurrent(tenantId: string): Promise<CompiledPolicy | null> {
    const cached = this.current.get(tenantId);
    const now = Date.now();
    if (cached && now - cached.checkedAt < CURRENT_RECHECK_MS) return cached.compiled;
    const number = await this.currentVersionNumber(tenantId);
    if (cached && (cached.compiled?.version ?? null) === number) {
      cached.checkedAt = now;
      return cached.compiled;
    }
    const compiled = number === null ? null : await this.getVersion(tenantId, number);
    this.current.set(tenantId, { compiled, checkedAt: now });
    return compiled;
  }

  /** Any version, compiled (versions are immutable, so the compiled form is cached). */
  async getVersion(tenantId: string, version: number): Promise<CompiledPolicy> {
    const cacheKey = `${tenantId}:${version}`;
    const hit = this.versions.get(cacheKey);
    if (hit) return hit;
    const row = await this.findVersion(tenantId, version);
    const compiled = new CompiledPolicy(row.version, row.document);
    if (this.versions.size >= VERSION_CACHE_SIZE) this.versions.delete(this.versions.keys().next().value as string);
    this.versions.set(cacheKey, compiled);
    return compiled;
  }

  draftDocument(tenantId: string): Promise<PolicyDocument> {
    return this.draft.draftDocument(tenantId);
  }

  async replaceDraft(tenantId: string, document: PolicyDocument, actor: PolicyActor): Promise<void> {
    const normalized = normalizeDocument(document);
    await this.dataSource.transaction(async (manager) => {
      await this.draft.replace(tenantId, normalized, actor, manager);
      await this.audit.record(
        auditActorOf(tenantId, actor),
        'replace_draft',
        'policyDraft',
        null,
        null,
        { contentHash: contentHash(normalized) },
        manager,
      );
    });
  }

  mergeIntoDraft(tenantId: string, partial: Partial<PolicyDocument>, actor: PolicyActor): Promise<PolicyDocument> {
    return this.draft.merge(tenantId, partial, actor);
  }

  /**
   * Validates, tests and publishes a whole document (demo seeder, plugin installation); the draft becomes the
   * document. The system actor (`undefined`) is never held for approval; a person is, when maker-checker is on.
   */
  publishDocument(tenantId: string, document: PolicyDocument, actor: PolicyActor, note: string | null): Promise<PolicyVersion> {
    return this.createVersion(tenantId, normalizeDocument(document), actor, note, { replaceDraft: true, action: 'publish' });
  }

  // ── the administrator's operations ─────────────────────────────────────────────────────────────────

  /** What publishing would say: the document's problems, its people (unknown or deactivated members) and its tests. */
  async validateDraft(tenantId: string): Promise<PolicyValidation> {
    const document = await this.draftDocument(tenantId);
    return this.withPeople(tenantId, document, this.validateDocument(document));
  }

  private async withPeople(tenantId: string, document: PolicyDocument, validation: PolicyValidation): Promise<PolicyValidation> {
    const people = await this.peopleProblems(tenantId, document);
    return { ...validation, problems: [...validation.problems, ...people], valid: validation.valid && people.length === 0 };
  }

  /** Team members and department managers that are no active user of the tenant (see engine/policy-people.ts). */
  async peopleProblems(
    tenantId: string,
    document: PolicyDocument,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PolicyProblem[]> {
    const emails = peopleNamedBy(document);
    const users = emails.length
      ? await manager.getRepository(User).find({ select: { email: true, active: true }, where: { tenantId, email: In(emails) } })
      : [];
    const problems = checkPolicyPeople(document, new Map(users.map((u) => [u.email.toLowerCase(), { active: u.active }])));
    if (!document.approvalChains?.length) return problems;
    // Approval steps name roles and departments too: read who may sign (active members only count).
    const members = await manager
      .getRepository(User)
      .find({ select: { id: true, email: true, role: true, departmentId: true, active: true }, where: { tenantId, active: true } });
    return [
      ...problems,
      ...approvalSignerProblems(
        document,
        members.map((m) => ({ ...m, departmentId: m.departmentId ?? null })),
      ),
    ];
  }

  /** A version names only active users of its tenant: checked when it is created and again when it is approved. */
  private async assertPeople(tenantId: string, document: PolicyDocument, manager?: EntityManager): Promise<void> {
    const problems = await this.peopleProblems(tenantId, document, manager);
    if (!problems.length) return;
    throw PolicyErrors.create('POLICY_PEOPLE_INVALID', {
      problems: problemsForError(problems),
      params: {
        count: problems.length,
        detail: problems
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      },
    });
  }

  validateDocument(document: PolicyDocument): PolicyValidation {
    const problems = validatePolicy(document, defaultEngine, this.draft.factSchemaOf(document));
    const tests = runRuleTests(new CompiledPolicy(0, document), this.clock.now());
    return { valid: problems.length === 0 && tests.every((t) => t.passed), problems, tests };
  }

  async publish(tenantId: string, actor: PolicyActor, note: string | null): Promise<PolicyVersion> {
    return this.createVersion(tenantId, await this.draftDocument(tenantId), actor, note, { replaceDraft: false, action: 'publish' });
  }

  /**
   * A signature on a version waiting for approval. Without a publishing chain in the policy in force, one other person
   * approves (maker-checker). With one (issue 18: e.g. four signatures), each approval signs the waiting step and the
   * version is published when the last step is signed; the author never signs.
   */
  async approve(tenantId: string, actor: NonNullable<PolicyActor>, version: number, note: string | null): Promise<PolicyVersion> {
    const row = await this.findVersion(tenantId, version);
    if (row.status !== 'pending_approval')
      throw PolicyErrors.create('NOT_PENDING', { field: 'version', params: { version, status: row.status } });
    const approverId = actor.userId ?? actor.tokenId ?? null;
    if (!approverId || approverId === row.createdBy) throw PolicyErrors.create('SELF_APPROVAL', { field: 'version', params: { version } });
    // Someone named in it may have been deactivated while it waited.
    await this.assertPeople(tenantId, row.document);
    const before = this.versionSummary(row);
    const chain = await this.publishingChain(tenantId);
    if (chain) {
      const user = actor.userId ? await this.dataSource.getRepository(User).findOne({ where: { id: actor.userId, tenantId } }) : null;
      const progress = row.approval ?? { chain: chain.key, step: 0, signatures: [] };
      const outcome = sign(
        chain,
        progress,
        { userId: approverId, role: actor.role ?? '', email: user?.email ?? null, departmentId: user?.departmentId ?? null },
        this.clock.now(),
        note,
      );
      if (!outcome.ok)
        throw PolicyErrors.create(outcome.reason, {
          field: 'version',
          params: { step: outcome.step.name.zh, approvers: describeApprovers(outcome.step) },
        });
      row.approval = outcome.progress;
      if (!outcome.chainDone) {
        await this.dataSource.transaction(async (manager) => {
          await manager.getRepository(PolicyVersion).update({ id: row.id }, { approval: row.approval as never });
          await this.audit.record(
            auditActorOf(tenantId, actor),
            'sign',
            'policyVersion',
            String(version),
            before,
            { ...this.versionSummary(row), remaining: outcome.remaining },
            manager,
          );
        });
        return row;
      }
    }
    row.status = 'published';
    row.approvedBy = approverId;
    row.publishedAt = this.clock.now();
    row.decisionNote = note;
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PolicyVersion).update(
        { id: row.id },
        {
          status: row.status,
          approvedBy: row.approvedBy,
          publishedAt: row.publishedAt,
          decisionNote: note,
          approval: row.approval as never,
        },
      );
      await this.audit.record(
        auditActorOf(tenantId, actor),
        'approve',
        'policyVersion',
        String(version),
        before,
        this.versionSummary(row),
        manager,
      );
    });
    this.current.delete(tenantId);
    return row;
  }

  /** A rejection: with a chain past its first step, back to the previous step (a reason is required); else refused. */
  async reject(tenantId: string, actor: NonNullable<PolicyActor>, version: number, note: string | null): Promise<PolicyVersion> {
    const row = await this.findVersion(tenantId, version);
    if (row.status !== 'pending_approval')
      throw PolicyErrors.create('NOT_PENDING', { field: 'version', params: { version, status: row.status } });
    const before = this.versionSummary(row);
    const chain = row.approval ? await this.publishingChain(tenantId) : undefined;
    const back = chain && row.approval ? returnToPrevious(chain, row.approval) : null;
    if (back) {
      if (!note?.trim()) throw PolicyErrors.create('REJECTION_REASON_REQUIRED', { field: 'note' });
      row.approval = back;
      row.decisionNote = note;
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(PolicyVersion).update({ id: row.id }, { approval: back as never, decisionNote: note });
        await this.audit.record(
          auditActorOf(tenantId, actor),
          'return',
          'policyVersion',
          String(version),
          before,
          this.versionSummary(row),
          manager,
        );
      });
      return row;
    }
    row.status = 'rejected';
    row.decisionNote = note;
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PolicyVersion).update({ id: row.id }, { status: 'rejected', decisionNote: note });
      await this.audit.record(
        auditActorOf(tenantId, actor),
        'reject',
        'policyVersion',
        String(version),
        before,
        this.versionSummary(row),
        manager,
      );
    });
    return row;
  }

  /** The publishing chain of the policy in force (a draft cannot lift the signatures its own publication needs). */
  private async publishingChain(tenantId: string, manager: EntityManager = this.dataSource.manager): Promise<ApprovalChain | undefined> {
    const live = await manager
      .getRepository(PolicyVersion)
      .findOne({ where: { tenantId, status: 'published' }, order: { version: 'DESC' } });
    return live ? chainFor(live.document, 'policy') : undefined;
  }

  /** Republishes an old version's document as a new version and resets the draft to it. */
  async rollback(tenantId: string, actor: PolicyActor, version: number, note: string | null): Promise<PolicyVersion> {
    const old = await this.findVersion(tenantId, version);
    return this.createVersion(tenantId, old.document, actor, note ?? `Rollback to version ${version}`, {
      replaceDraft: true,
      action: 'rollback',
      rolledBackFrom: version,
    });
  }

  /** Resets the draft to the current version (or to an empty policy before the first publish). */
  async discardDraft(tenantId: string, actor: PolicyActor): Promise<PolicyDocument> {
    const current = await this.getCurrent(tenantId);
    const document = current?.document ?? normalizeDocument(emptyPolicy());
    await this.dataSource.transaction(async (manager) => {
      const before = await this.draft.draftDocument(tenantId, manager);
      await this.draft.replace(tenantId, document, actor, manager);
      await this.audit.record(
        auditActorOf(tenantId, actor),
        'discard_draft',
        'policyDraft',
        null,
        { contentHash: contentHash(before) },
        { version: current?.version ?? null, contentHash: contentHash(document) },
        manager,
      );
    });
    return document;
  }

  async listVersions(tenantId: string): Promise<PolicyVersion[]> {
    return this.dataSource.getRepository(PolicyVersion).find({ where: { tenantId }, order: { version: 'DESC' } });
  }

  async findVersion(tenantId: string, version: number): Promise<PolicyVersion> {
    const row = await this.dataSource.getRepository(PolicyVersion).findOne({ where: { tenantId, version } });
    if (!row) throw PolicyErrors.create('VERSION_NOT_FOUND', { field: 'version', params: { version } });
    return row;
  }

  async currentVersionNumber(tenantId: string): Promise<number | null> {
    const row = await this.dataSource.getRepository(PolicyVersion).findOne({
      where: { tenantId, status: 'published' },
      order: { version: 'DESC' },
      select: { id: true, version: true },
    });
    return row?.version ?? null;
  }

  /** A document by reference: a version number, "draft", or "current". */
  async documentAt(tenantId: string, ref: VersionRef): Promise<PolicyDocument> {
    if (ref === 'draft') return this.draftDocument(tenantId);
    if (ref === 'current') {
      const current = await this.getCurrent(tenantId);
      if (!current) throw PolicyErrors.create('NO_CURRENT_VERSION');
      return current.document;
    }
    return (await this.findVersion(tenantId, ref)).document;
  }

  async diff(tenantId: string, from: VersionRef, to: VersionRef): Promise<PolicyDiff> {
    return diffPolicies(await this.documentAt(tenantId, from), await this.documentAt(tenantId, to));
  }

  /** Canonical JSON (sorted keys, 2-space indent): the current version by default, else the draft if nothing is published. */
  async exportPolicy(tenantId: string, ref?: VersionRef): Promise<string> {
    const target = ref ?? ((await this.currentVersionNumber(tenantId)) === null ? 'draft' : 'current');
    return canonicalJson(await this.documentAt(tenantId, target));
  }

  /** Loads a document into the draft (nothing goes live until publish) and reports what publishing would say. */
  async importPolicy(tenantId: string, actor: PolicyActor, text: string): Promise<PolicyValidation> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw PolicyErrors.create('IMPORT_NOT_JSON', { field: 'document', params: { detail: (error as Error).message } });
    }
    // Before anything below recurses over it.
    assertJsonDepth(raw, 'document');
    const shape = checkDocumentShape(raw);
    if (shape.length) {
      throw PolicyErrors.create('IMPORT_INVALID_SHAPE', {
        field: 'document',
        problems: problemsForError(shape, 'document'),
        params: {
          detail: shape
            .slice(0, 3)
            .map((p) => `${p.path}: ${p.message}`)
            .join('; '),
        },
      });
    }
    const document = normalizeDocument(raw as PolicyDocument);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.draft.draftDocument(tenantId, manager);
      await this.draft.replace(tenantId, document, actor, manager);
      await this.audit.record(
        auditActorOf(tenantId, actor),
        'import',
        'policyDraft',
        null,
        { contentHash: contentHash(before) },
        { contentHash: contentHash(document) },
        manager,
      );
    });
    return this.withPeople(tenantId, document, this.validateDocument(document));
  }

  async runTests(tenantId: string, ref: VersionRef): Promise<RuleTestResult[]> {
    const document = await this.documentAt(tenantId, ref);
    return runRuleTests(new CompiledPolicy(typeof ref === 'number' ? ref : 0, document), this.clock.now());
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────────────

  private versionSummary(row: PolicyVersion) {
    return {
      version: row.version,
      status: row.status,
      contentHash: row.contentHash,
      note: row.note,
      createdBy: row.createdBy,
      approvedBy: row.approvedBy,
      ...(row.approval ? { approval: row.approval } : {}),
    };
  }

  /** Everything that must hold for a document to become a version: no problems, every rule test passing. */
  private assertPublishable(document: PolicyDocument): void {
    const { problems, tests } = this.validateDocument(document);
    if (problems.length) {
      throw PolicyErrors.create('POLICY_INVALID', {
        problems: problemsForError(problems),
        params: {
          count: problems.length,
          detail: problems
            .slice(0, 3)
            .map((p) => `${p.path}: ${p.message}`)
            .join('; '),
        },
      });
    }
    const failed = tests.filter((t) => !t.passed);
    // One problem per failed expectation, each naming its own test (a test may fail several expectations).
    const failures = failureLines(failed);
    if (failures.length) {
      throw PolicyErrors.create('RULE_TESTS_FAILED', {
        params: { detail: failures.map((f) => f.message).join('; ') },
        problems: failures.map(({ key, message }) => ({ field: `tests[${key}]`, code: 'RULE_TEST_FAILED', message })),
        details: { tests: failed.map(({ key, failures: f, error }) => ({ key, failures: f, error })) },
      });
    }
  }

  private async approvalRequired(tenantId: string, document: PolicyDocument, actor: PolicyActor, manager: EntityManager): Promise<boolean> {
    if (!actor) return false;
    if (document.settings.requirePublishApproval) return true;
    if (await this.publishingChain(tenantId, manager)) return true;
    const tenant = await this.tenants.get(tenantId);
    if (tenant.settings?.requirePublishApproval) return true;
    const live = await manager
      .getRepository(PolicyVersion)
      .findOne({ where: { tenantId, status: 'published' }, order: { version: 'DESC' } });
    // Turning maker-checker off is itself a change that needs the second person.
    return Boolean(live?.document.settings.requirePublishApproval);
  }

  private async createVersion(
    tenantId: string,
    document: PolicyDocument,
    actor: PolicyActor,
    note: string | null,
    options: { replaceDraft: boolean; action: 'publish' | 'rollback'; rolledBackFrom?: number },
  ): Promise<PolicyVersion> {
    this.assertPublishable(document);
    await this.assertPeople(tenantId, document);
    const auditActor = auditActorOf(tenantId, actor);
    let saved: PolicyVersion;
    try {
      saved = await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(PolicyVersion);
        const pending = await repository.findOne({ where: { tenantId, status: 'pending_approval' } });
        if (pending) throw PolicyErrors.create('APPROVAL_PENDING', { params: { version: pending.version } });
        const last = await repository.findOne({ where: { tenantId }, order: { version: 'DESC' }, select: { id: true, version: true } });
        const live = await repository.findOne({ where: { tenantId, status: 'published' }, order: { version: 'DESC' } });
        const needsApproval = await this.approvalRequired(tenantId, document, actor, manager);
        const now = this.clock.now();
        const row = repository.create({
          id: newId(),
          tenantId,
          version: (last?.version ?? 0) + 1,
          document,
          status: needsApproval ? 'pending_approval' : 'published',
          createdBy: actor?.userId ?? actor?.tokenId ?? null,
          approvedBy: null,
          note,
          createdAt: now,
          publishedAt: needsApproval ? null : now,
          contentHash: contentHash(document),
          rolledBackFrom: options.rolledBackFrom ?? null,
          decisionNote: null,
        });
        await repository.insert(row as QueryDeepPartialEntity<PolicyVersion>);
        if (options.replaceDraft) await this.draft.replace(tenantId, document, actor, manager);
        await this.audit.record(
          auditActor,
          options.action,
          'policyVersion',
          String(row.version),
          live ? this.versionSummary(live) : null,
          this.versionSummary(row),
          manager,
        );
        return row;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && /unique|duplicate/i.test(error.message)) throw PolicyErrors.create('PUBLISH_CONFLICT');
      throw error;
    }
    this.current.delete(tenantId);
    return saved;
  }
}
