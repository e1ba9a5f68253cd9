import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ComplaintView } from '../complaint/dtos/complaint.types';
import { CausePredictionService } from './cause-prediction.service';
import { CausePredictionView } from './dtos/intelligence.types';

/** Adds the classifier's view to the complaint module's `Complaint` type. */
@Resolver(() => ComplaintView)
export class ComplaintCauseResolver {
  constructor(private readonly predictions: CausePredictionService) {}

  @ResolveField(() => CausePredictionView, {
    nullable: true,
    description: 'The active cause classifier’s prediction for this complaint, computed on demand (null without a model).',
  })
  causePrediction(@Parent() complaint: ComplaintView): Promise<CausePredictionView | null> {
    return this.predictions.forComplaint(complaint);
  }
}
