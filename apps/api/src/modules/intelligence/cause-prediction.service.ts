import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintService } from '../complaint/complaint.service';
import { ClassifierModelsService } from './classifier-models.service';
import { ConfirmedCauseSource } from './confirmed-causes.source';
import { causeText, isShareableKeyword } from './cause-predictor';
import { IntelligenceErrors } from './intelligence.exception';

export const SIMILAR_COMPLAINTS = 5;
export const MAX_UNCERTAIN = 100;

export interface UncertainPrediction {
  complaintId: string;
  number: string;
  title: string | null;
  state: string;
  receivedAt: Date;
  cause: string;
  confidence: number;
  runnerUp: string | null;
  runnerUpConfidence: number;
  /** confidence − runnerUpConfidence: the smaller, the more a confirmed label teaches the model. */
  margin: number;
  modelVersion: number;
}

export interface CausePredictionResult {
  cause: string;
  confidence: number;
  modelVersion: number;
  top: { label: string; confidence: number }[];
  keywords: { term: string; weight: number }[];
  similar: { complaintId: string; number: string; cause: string | null; score: number }[];
}

/** Predictions on demand (any text, or a complaint), and accepting a complaint's predicted cause. */
@Injectable()
export class CausePredictionService {
  constructor(
    private readonly models: ClassifierModelsService,
    private readonly source: ConfirmedCauseSource,
    private readonly complaints: ComplaintService,
  ) {}

  async predictText(auth: AuthContext, text: string): Promise<CausePredictionResult> {
    if (!text?.trim()) throw IntelligenceErrors.create('EMPTY_TEXT', { field: 'text' });
    const result = await this.predict(auth.tenantId, text);
    if (!result) throw IntelligenceErrors.create('NO_MODEL');
    return result;
  }

  /** The complaint's prediction by the active model (null without a model); the complaint itself is not its own neighbour. */
  forComplaint(complaint: Pick<Complaint, 'id' | 'tenantId' | 'title' | 'text'>): Promise<CausePredictionResult | null> {
    return this.predict(complaint.tenantId, causeText(complaint.title, complaint.text), complaint.id);
  }

  /** Confirms the cause the classifier predicted at intake (it then feeds training like any confirmation). */
  async accept(auth: AuthContext, complaintId: string): Promise<Complaint> {
    const complaint = await this.complaints.get(auth, complaintId);
    if (!complaint.predictedCause) throw IntelligenceErrors.create('NO_PREDICTION', { field: 'complaintId' });
    return this.complaints.confirmCause(auth, complaint.id, complaint.predictedCause);
  }

  /**
   * The complaints without a confirmed cause whose prediction by the active model is least sure (smallest margin
   * between the two likeliest causes first): labelling those teaches the next training the most (uncertainty
   * sampling). Ranked afresh with the active model on every call; the newest MAX_UNCONFIRMED_SCAN are considered.
   */
  async uncertain(auth: AuthContext, first: number): Promise<UncertainPrediction[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_UNCERTAIN)
      throw IntelligenceErrors.create('INVALID_FIRST', { field: 'first', params: { max: MAX_UNCERTAIN } });
    const active = await this.models.active(auth.tenantId);
    if (!active) throw IntelligenceErrors.create('NO_MODEL');
    const rows = await this.source.unconfirmed(auth.tenantId);
    const ranked = rows.map((r) => {
      const p = active.model.predict(causeText(r.title, r.text), { topK: 2, keywords: 0 });
      const second = p.top[1];
      return {
        complaintId: r.id,
        number: r.number,
        title: r.title,
        state: r.state,
        receivedAt: r.receivedAt,
        cause: p.label,
        confidence: p.confidence,
        runnerUp: second?.label ?? null,
        runnerUpConfidence: second?.confidence ?? 0,
        margin: p.confidence - (second?.confidence ?? 0),
        modelVersion: active.version,
      };
    });
    // ties (equal margins): newest first, as the rows came
    return ranked
      .map((r, i) => ({ r, i }))
      .sort((a, b) => a.r.margin - b.r.margin || a.i - b.i)
      .slice(0, first)
      .map(({ r }) => r);
  }

  private async predict(tenantId: string, text: string, excludeId?: string): Promise<CausePredictionResult | null> {
    const active = await this.models.active(tenantId);
    if (!active) return null;
    const p = active.model.predict(text, { topK: 5, keywords: 10 });
    const neighbours = active.model
      .similar(text, SIMILAR_COMPLAINTS + 1)
      .filter((d) => d.id !== excludeId)
      .slice(0, SIMILAR_COMPLAINTS);
    const found = await this.source.numbers(
      tenantId,
      neighbours.map((d) => d.id),
    );
    return {
      cause: p.label,
      confidence: p.confidence,
      modelVersion: active.version,
      top: p.top,
      keywords: p.keywords.filter((k) => isShareableKeyword(k.term)),
      // Complaints of the tenant only (a model never holds another tenant's ids, but the lookup checks anyway).
      similar: neighbours.flatMap((d) => {
        const row = found.get(d.id);
        return row ? [{ complaintId: d.id, number: row.number, cause: row.cause ?? d.label, score: d.score }] : [];
      }),
    };
  }
}
