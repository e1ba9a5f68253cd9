import { Args, Float, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { TenantService } from '../tenant/tenant.service';
import { ComplaintService } from '../complaint/complaint.service';
import { ComplaintView } from '../complaint/dtos/complaint.types';
import type { ClassifierModel } from './classifier-model.entity';
import { ClassifierModelsService } from './classifier-models.service';
import { ClassifierTrainingService, DICTIONARY_SETTING } from './classifier-training.service';
import { CausePredictionService } from './cause-prediction.service';
import { IntelligenceErrors } from './intelligence.exception';
import { CausePredictionView, ClassifierJobView, ClassifierModelView, UncertainPredictionView } from './dtos/intelligence.types';
import { GATE_MARGIN_SETTING, gateMargin } from './quality-gate';

/** Training and the dictionary: administrators and the AAP model's analysts and experts. */
export const TRAIN_ROLES = [Role.admin, Role.analyst, Role.expert];
export const MODEL_READ_ROLES = [Role.admin, Role.manager, Role.analyst, Role.expert, Role.auditor];
export const PREDICT_ROLES = [Role.admin, Role.manager, Role.handler, Role.agent, Role.analyst, Role.expert, Role.api_client];
/** Who labels from the uncertain-predictions queue: the experts, analysts and managers of the AAP model. */
export const LABEL_QUEUE_ROLES = [Role.admin, Role.manager, Role.analyst, Role.expert];
/** The same people who may confirm a cause. */
export const CAUSE_ROLES = [Role.admin, Role.manager, Role.handler, Role.analyst, Role.expert];
export const DICTIONARY_LIMITS = { max: 2_000, maxLength: 32 };

@Resolver()
export class IntelligenceResolver {
  constructor(
    private readonly models: ClassifierModelsService,
    private readonly training: ClassifierTrainingService,
    private readonly predictions: CausePredictionService,
    private readonly complaints: ComplaintService,
    private readonly tenants: TenantService,
  ) {}

  @Roles(...TRAIN_ROLES)
  @Mutation(() => ClassifierJobView, {
    description:
      'Trains a new cause-classifier version on the complaints whose cause people confirmed (in the background; poll classifierJob).',
  })
  async trainCauseClassifier(@Auth() auth: AuthContext): Promise<ClassifierJobView> {
    return toJob(await this.training.start({ tenantId: auth.tenantId, createdBy: auth.userId ?? auth.tokenId ?? null, trigger: 'manual' }));
  }

  @Roles(...MODEL_READ_ROLES)
  @Query(() => ClassifierJobView)
  async classifierJob(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<ClassifierJobView> {
    return toJob(await this.models.get(auth.tenantId, id));
  }

  @Roles(...MODEL_READ_ROLES)
  @Query(() => [ClassifierModelView], { description: 'The tenant’s cause-classifier versions, newest first, with measured accuracy.' })
  async classifierModels(@Auth() auth: AuthContext): Promise<ClassifierModelView[]> {
    const rows = await this.models.list(auth.tenantId);
    const activeVersion = rows.find((r) => r.status === 'ready')?.version;
    return rows.map((r) => ({
      ...r,
      gate: r.gate ?? null,
      metrics: r.metrics as unknown as Record<string, unknown>,
      active: r.version === activeVersion,
    }));
  }

  @Roles(...PREDICT_ROLES)
  @Query(() => CausePredictionView, {
    description: 'The likely causes of a complaint text, the words that drove the prediction and the most similar past complaints.',
  })
  predictComplaintCause(@Auth() auth: AuthContext, @Args('text') text: string): Promise<CausePredictionView> {
    return this.predictions.predictText(auth, text);
  }

  @Roles(...CAUSE_ROLES)
  @Mutation(() => ComplaintView, {
    description: 'Confirms the cause predicted at intake (feeds the next training, like confirmComplaintCause).',
  })
  async acceptPredictedCause(
    @Auth() auth: AuthContext,
    @Args('complaintId', { type: () => ID }) complaintId: string,
  ): Promise<ComplaintView> {
    return this.complaints.toView(auth, await this.predictions.accept(auth, complaintId));
  }

  @Roles(...LABEL_QUEUE_ROLES)
  @Query(() => [UncertainPredictionView], {
    description:
      'Complaints without a confirmed cause, least sure prediction first (smallest margin between the two likeliest causes): confirming these teaches the next training the most.',
  })
  uncertainPredictions(
    @Auth() auth: AuthContext,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<UncertainPredictionView[]> {
    return this.predictions.uncertain(auth, first);
  }

  @Roles(...MODEL_READ_ROLES)
  @Query(() => Float, {
    description:
      'How much lower (absolute accuracy, 0.02 = 2 points) a retrained model’s held-out accuracy may be than the active model’s and still become active.',
  })
  async classifierGateMargin(@Auth() auth: AuthContext): Promise<number> {
    return gateMargin((await this.tenants.get(auth.tenantId)).settings);
  }

  @Roles(...TRAIN_ROLES)
  @Mutation(() => Float, { description: 'Sets the quality gate’s margin (0..1) for the next trainings.' })
  async setClassifierGateMargin(@Auth() auth: AuthContext, @Args('margin', { type: () => Float }) margin: number): Promise<number> {
    if (!Number.isFinite(margin) || margin < 0 || margin > 1) throw IntelligenceErrors.create('INVALID_GATE_MARGIN', { field: 'margin' });
    await this.tenants.updateSettings(auth.tenantId, { [GATE_MARGIN_SETTING]: margin });
    return margin;
  }

  @Roles(...MODEL_READ_ROLES)
  @Query(() => [String], { description: 'Tenant words the classifier’s segmenter keeps whole (product names, local terms).' })
  async classifierDictionary(@Auth() auth: AuthContext): Promise<string[]> {
    const words = (await this.tenants.get(auth.tenantId)).settings[DICTIONARY_SETTING];
    return Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : [];
  }

  @Roles(...TRAIN_ROLES)
  @Mutation(() => [String], { description: 'Replaces the tenant dictionary; used from the next training on.' })
  async setClassifierDictionary(@Auth() auth: AuthContext, @Args('words', { type: () => [String] }) words: string[]): Promise<string[]> {
    const cleaned = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
    if (cleaned.length > DICTIONARY_LIMITS.max || cleaned.some((w) => w.length > DICTIONARY_LIMITS.maxLength)) {
      throw IntelligenceErrors.create('INVALID_DICTIONARY', { field: 'words', params: DICTIONARY_LIMITS });
    }
    await this.tenants.updateSettings(auth.tenantId, { [DICTIONARY_SETTING]: cleaned });
    return cleaned;
  }
}

function toJob(row: ClassifierModel): ClassifierJobView {
  return { id: row.id, status: row.status, progress: row.progress, message: row.message ?? null, modelVersion: row.version };
}
