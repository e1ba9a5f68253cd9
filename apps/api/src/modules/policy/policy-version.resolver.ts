import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { PolicyService, type VersionRef } from './policy.service';
import { PolicyErrors } from './policy.exception';
import { PolicyDocumentType } from './dtos/policy-document.types';
import { PolicyDiffType, PolicyValidationType, PolicyVersionType, RuleTestResultType } from './dtos/policy-results.types';
import { documentView, testResultView, versionView } from './dtos/policy-views';
import { POLICY_READERS } from './policy-draft.resolver';
import type { PolicyValidation } from './policy.service';

function parseRef(ref: string, field: string, allowCurrent = true): VersionRef {
  const value = ref.trim().toLowerCase();
  if (value === 'draft' || (allowCurrent && value === 'current')) return value;
  if (/^\d+$/.test(value) && Number(value) > 0) return Number(value);
  throw PolicyErrors.create('BAD_VERSION_REF', { field, params: { ref } });
}

const validationView = (result: PolicyValidation): PolicyValidationType => ({ ...result, tests: result.tests.map(testResultView) });

/** Validating, publishing, approving, rolling back, comparing and exporting policy versions. */
@Resolver()
export class PolicyVersionResolver {
  constructor(private readonly policies: PolicyService) {}

  private async view(auth: AuthContext, row: Parameters<typeof versionView>[0]): Promise<PolicyVersionType> {
    return versionView(row, await this.policies.currentVersionNumber(auth.tenantId));
  }

  @Roles(...POLICY_READERS)
  @Query(() => [PolicyVersionType], { description: 'All versions, newest first.' })
  async policyVersions(@Auth() auth: AuthContext): Promise<PolicyVersionType[]> {
    const [rows, current] = await Promise.all([
      this.policies.listVersions(auth.tenantId),
      this.policies.currentVersionNumber(auth.tenantId),
    ]);
    return rows.map((row) => versionView(row, current));
  }

  @Roles(...POLICY_READERS)
  @Query(() => PolicyVersionType)
  async policyVersion(@Auth() auth: AuthContext, @Args('version', { type: () => Int }) version: number): Promise<PolicyVersionType> {
    return this.view(auth, await this.policies.findVersion(auth.tenantId, version));
  }

  // Everyone who takes or works complaints needs the published types, fields, channels and templates (intake forms,
  // call-center systems); drafts and history stay with the policy readers.
  @Roles(...POLICY_READERS, Role.agent, Role.handler, Role.api_client)
  @Query(() => PolicyVersionType, {
    nullable: true,
    description: 'The version deciding new complaints (intake forms read its types, fields and channels); null before the first publish.',
  })
  async currentPolicyVersion(@Auth() auth: AuthContext): Promise<PolicyVersionType | null> {
    const number = await this.policies.currentVersionNumber(auth.tenantId);
    return number === null ? null : versionView(await this.policies.findVersion(auth.tenantId, number), number);
  }

  @Roles(...POLICY_READERS)
  @Query(() => PolicyValidationType, { description: 'Every problem of the draft and the result of every rule test.' })
  async validatePolicyDraft(@Auth() auth: AuthContext): Promise<PolicyValidationType> {
    return validationView(await this.policies.validateDraft(auth.tenantId));
  }

  @Roles(...POLICY_READERS)
  @Query(() => [RuleTestResultType], { description: 'Runs the stored rule tests of a version, or of the draft (default).' })
  async runPolicyTests(
    @Auth() auth: AuthContext,
    @Args('version', { nullable: true, defaultValue: 'draft' }) version: string,
  ): Promise<RuleTestResultType[]> {
    return (await this.policies.runTests(auth.tenantId, parseRef(version, 'version'))).map(testResultView);
  }

  @Roles(...POLICY_READERS)
  @Query(() => PolicyDiffType, { description: 'What changed between two versions; each side is a version number, "current" or "draft".' })
  async policyDiff(@Auth() auth: AuthContext, @Args('from') from: string, @Args('to') to: string): Promise<PolicyDiffType> {
    const diff = await this.policies.diff(auth.tenantId, parseRef(from, 'from'), parseRef(to, 'to'));
    return { from, to, ...diff };
  }

  @Roles(...POLICY_READERS)
  @Query(() => String, { description: 'Canonical JSON (sorted keys, 2-space indent) of a version, "current" (default) or "draft".' })
  exportPolicy(@Auth() auth: AuthContext, @Args('version', { nullable: true }) version?: string): Promise<string> {
    return this.policies.exportPolicy(auth.tenantId, version ? parseRef(version, 'version') : undefined);
  }

  @Roles(Role.admin)
  @Mutation(() => PolicyValidationType, { description: 'Loads a JSON policy document into the draft (nothing goes live until publish).' })
  async importPolicy(@Auth() auth: AuthContext, @Args('document') document: string): Promise<PolicyValidationType> {
    return validationView(await this.policies.importPolicy(auth.tenantId, auth, document));
  }

  @Roles(Role.admin)
  @Mutation(() => PolicyVersionType, {
    description: 'Validates the draft, runs its rule tests and creates the next version (pending_approval when maker-checker is on).',
  })
  async publishPolicy(@Auth() auth: AuthContext, @Args('note', { nullable: true }) note?: string): Promise<PolicyVersionType> {
    return this.view(auth, await this.policies.publish(auth.tenantId, auth, note ?? null));
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => PolicyVersionType, { description: 'Approves a pending version; the approver must not be its author.' })
  async approvePolicyVersion(
    @Auth() auth: AuthContext,
    @Args('version', { type: () => Int }) version: number,
    @Args('note', { nullable: true }) note?: string,
  ): Promise<PolicyVersionType> {
    return this.view(auth, await this.policies.approve(auth.tenantId, auth, version, note ?? null));
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => PolicyVersionType)
  async rejectPolicyVersion(
    @Auth() auth: AuthContext,
    @Args('version', { type: () => Int }) version: number,
    @Args('note', { nullable: true }) note?: string,
  ): Promise<PolicyVersionType> {
    return this.view(auth, await this.policies.reject(auth.tenantId, auth, version, note ?? null));
  }

  @Roles(Role.admin)
  @Mutation(() => PolicyVersionType, { description: 'Republishes an old version’s document as a new version and resets the draft to it.' })
  async rollbackPolicy(
    @Auth() auth: AuthContext,
    @Args('version', { type: () => Int }) version: number,
    @Args('note', { nullable: true }) note?: string,
  ): Promise<PolicyVersionType> {
    return this.view(auth, await this.policies.rollback(auth.tenantId, auth, version, note ?? null));
  }

  @Roles(Role.admin)
  @Mutation(() => PolicyDocumentType, { description: 'Throws the draft away: it becomes the current version again.' })
  async discardPolicyDraft(@Auth() auth: AuthContext): Promise<PolicyDocumentType> {
    return documentView(await this.policies.discardDraft(auth.tenantId, auth));
  }
}
