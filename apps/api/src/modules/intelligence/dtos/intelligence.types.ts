import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../policy/dtos/json.scalar';

@ObjectType('ClassifierGate', {
  description:
    'The quality gate’s decision on a retrained model: it becomes active only if its held-out accuracy is not worse than the active model’s by more than the margin.',
})
export class ClassifierGateView {
  @Field({ description: 'activated | refused' }) decision!: string;
  @Field({ description: 'first-model | not-worse | worse | not-measured' }) reason!: string;
  @Field(() => Float, { nullable: true, description: 'This model’s held-out (k-fold) accuracy.' }) candidateAccuracy?: number | null;
  @Field(() => Float, { nullable: true, description: 'The then active model’s held-out accuracy.' }) activeAccuracy?: number | null;
  @Field(() => Int, { nullable: true }) activeVersion?: number | null;
  @Field(() => Float, { description: 'Allowed drop in accuracy (absolute, 0.02 = 2 points).' }) margin!: number;
  @Field(() => Float, {
    description: 'Sampling noise allowed on top of the margin: 1.645 × the standard error of the difference of the two accuracies.',
  })
  noise!: number;
}

@ObjectType('ClassifierModel', {
  description: 'A trained complaint-cause model of the tenant, with the accuracy measured on its own confirmed complaints.',
})
export class ClassifierModelView {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'training | ready | failed | retired | refused (by the quality gate)' }) status!: string;
  @Field({ description: 'True for the model predictions use now (the latest ready version).' }) active!: boolean;
  @Field(() => ClassifierGateView, { nullable: true, description: 'The quality gate’s decision when training finished.' })
  gate?: ClassifierGateView | null;
  @Field({ description: 'manual | scheduled' }) trigger!: string;
  @Field(() => Float) progress!: number;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) trainedAt?: Date | null;
  @Field(() => Int) sampleCount!: number;
  @Field(() => [String]) labels!: string[];
  @Field(() => JSONScalar, {
    description: 'method kfold: folds, accuracy, macroF1, foldAccuracyStd, perClass, classCounts; method none: note.',
  })
  metrics!: Record<string, unknown>;
  @Field(() => JSONScalar) options!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) createdBy?: string | null;
}

@ObjectType('ClassifierJob', { description: 'Training in the background; poll until status is no longer training.' })
export class ClassifierJobView {
  @Field(() => ID) id!: string;
  @Field({ description: 'training | ready | failed | retired | refused' }) status!: string;
  @Field(() => Float, { description: '0..1' }) progress!: number;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => Int) modelVersion!: number;
}

@ObjectType('CauseScore')
export class CauseScoreView {
  @Field() label!: string;
  @Field(() => Float) confidence!: number;
}

@ObjectType('CauseKeyword', { description: 'A word of the text and how much it pushed towards the predicted cause.' })
export class CauseKeywordView {
  @Field() term!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType('SimilarComplaint', { description: 'A past complaint with a confirmed cause that reads alike.' })
export class SimilarComplaintView {
  @Field(() => ID) complaintId!: string;
  @Field() number!: string;
  @Field(() => String, { nullable: true }) cause?: string | null;
  @Field(() => Float, { description: 'Cosine similarity, 0..1' }) score!: number;
}

@ObjectType('CausePrediction')
export class CausePredictionView {
  @Field() cause!: string;
  @Field(() => Float) confidence!: number;
  @Field(() => Int) modelVersion!: number;
  @Field(() => [CauseScoreView]) top!: CauseScoreView[];
  @Field(() => [CauseKeywordView]) keywords!: CauseKeywordView[];
  @Field(() => [SimilarComplaintView]) similar!: SimilarComplaintView[];
}

@ObjectType('UncertainPrediction', {
  description: 'A complaint without a confirmed cause whose predicted cause is least sure: label it first.',
})
export class UncertainPredictionView {
  @Field(() => ID) complaintId!: string;
  @Field() number!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field() state!: string;
  @Field() receivedAt!: Date;
  @Field({ description: 'The likeliest cause.' }) cause!: string;
  @Field(() => Float) confidence!: number;
  @Field(() => String, { nullable: true, description: 'The second likeliest cause.' }) runnerUp?: string | null;
  @Field(() => Float) runnerUpConfidence!: number;
  @Field(() => Float, { description: 'confidence − runnerUpConfidence (ascending order).' }) margin!: number;
  @Field(() => Int) modelVersion!: number;
}
