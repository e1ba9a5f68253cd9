import { Injectable, Logger } from '@nestjs/common';
import { ClassifierModelsService } from './classifier-models.service';
import { isShareableKeyword, type CausePredictor, type PredictedCause } from './cause-predictor';

/** What intake records beside the fact on the `prediction` timeline event: runners-up and driving words. */
export interface IntakeCausePrediction extends PredictedCause {
  modelVersion: number;
  top: { label: string; confidence: number }[];
  keywords: { term: string; weight: number }[];
}

/** The tenant's active model, cached in memory: once loaded, the intake path never waits for the database. */
@Injectable()
export class ModelCausePredictor implements CausePredictor {
  private readonly logger = new Logger('CausePredictor');

  constructor(private readonly models: ClassifierModelsService) {}

  async predict(tenantId: string, text: string): Promise<IntakeCausePrediction | null> {
    try {
      if (!text?.trim()) return null;
      const active = await this.models.active(tenantId);
      if (!active) return null;
      const p = active.model.predict(text, { topK: 3, keywords: 8 });
      return {
        cause: p.label,
        confidence: round(p.confidence),
        modelVersion: active.version,
        top: p.top.map((t) => ({ label: t.label, confidence: round(t.confidence) })),
        keywords: p.keywords.filter((k) => isShareableKeyword(k.term)).map((k) => ({ term: k.term, weight: round(k.weight) })),
      };
    } catch (error) {
      this.logger.warn(`Cause prediction failed for tenant ${tenantId}: ${(error as Error).message}`);
      return null;
    }
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
