/** A 0..1 confidence or similarity as a whole percentage (the API's scores are fractions). */
export function percentOf(value: number | null | undefined): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}
