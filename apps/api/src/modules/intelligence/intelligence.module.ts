import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassifierModel } from './classifier-model.entity';
import { ClassifierModelsService } from './classifier-models.service';
import { ClassifierTrainingService } from './classifier-training.service';
import { ClassifierScheduler } from './classifier.scheduler';
import { ConfirmedCauseSource } from './confirmed-causes.source';
import { CausePredictionService } from './cause-prediction.service';
import { CAUSE_PREDICTOR } from './cause-predictor';
import { ModelCausePredictor } from './model-cause-predictor';
import { IntelligenceResolver } from './intelligence.resolver';
import { ComplaintCauseResolver } from './complaint-cause.resolver';

/**
 * The complaint-cause classifier as a product feature: training on confirmed causes (on demand and nightly),
 * stored model versions with measured accuracy, predictions on demand and at intake (CAUSE_PREDICTOR, a rule fact).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ClassifierModel])],
  providers: [
    ClassifierModelsService,
    ClassifierTrainingService,
    ClassifierScheduler,
    ConfirmedCauseSource,
    CausePredictionService,
    ModelCausePredictor,
    { provide: CAUSE_PREDICTOR, useExisting: ModelCausePredictor },
    IntelligenceResolver,
    ComplaintCauseResolver,
  ],
  exports: [CAUSE_PREDICTOR, ClassifierTrainingService, ClassifierScheduler, ClassifierModelsService],
})
export class IntelligenceModule {}
