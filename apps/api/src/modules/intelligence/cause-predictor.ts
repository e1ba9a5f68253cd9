/**
 * The port intake uses to ask the cause classifier (no imports: the complaint module depends on this file only).
 * Resolve with `moduleRef.get(CAUSE_PREDICTOR, { strict: false })`; absent when the intelligence module is not loaded.
 */
export const CAUSE_PREDICTOR = 'CAUSE_PREDICTOR';

export interface PredictedCause {
  cause: string;
  confidence: number;
}

/** The cause predictor intake asks before building the rule facts (`prediction.cause`, `prediction.confidence`). */
export interface CausePredictor {
  /** Null when the tenant has no model or anything fails: a prediction must never stop a complaint. */
  predict(tenantId: string, text: string): Promise<PredictedCause | null>;
}

/** The text a complaint is classified by, at training and at prediction alike. */
export function causeText(title: string | null | undefined, text: string): string {
  return title ? `${title}\n${text}` : text;
}

/**
 * Terms that could carry personal data (digits: phone, ID or account numbers; e-mail addresses) are left out of
 * what is shown or stored on the timeline.
 */
export function isShareableKeyword(term: string): boolean {
  return !/[\d@]/.test(term);
}
