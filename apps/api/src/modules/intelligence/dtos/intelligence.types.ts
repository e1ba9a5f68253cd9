import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../policy/dtos/json.scalar';

@ObjectType('ClassifierModel', { description: 'A trained complaint-cause model of the tenant, with the accuracy measured on its own confirmed complaints.' })
export class ClassifierModelView {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'training | ready | failed | retired' }) status!: string;
  @Field({ description: 'True for the model predictions use now (the latest ready version).' }) active!: boolean;
  @Field({ description: 'manual | scheduled' }) trigger!: string;
  @Field(() => Float) progress!: number;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) trainedAt?: Date | null;
  @Field(() => Int) sampleCount!: number;
  @Field(() => [String]) labels!: string[];
  @Field(() => JSONScalar, { description: 'method kfold: folds, accuracy, macroF1, foldAccuracyStd, perClass, classCounts; method none: note.' })
  metrics!: Record<string, unknown>;
  @Field(() => JSONScalar) options!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) createdBy?: string | null;
}

@ObjectType('ClassifierJob', { description: 'Training in the background; poll until status is ready or failed.' })
export class ClassifierJobView {
  @Field(() => ID) id!: string;
  @Field({ description: 'training | ready | failed | retired' }) status!: string;
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
