/**
 * The presentation step shown for a `step` value: a whole number within 1…`total`, or undefined
 * (the whole view) for no step, 0, or a value that is no number. `step="1.5"` shows step 1, and
 * `step="-1"` the first step, so `next()` and `prev()` always move by one.
 */
export function shownStep(step: number | null | undefined, total: number): number | undefined {
  if (typeof step !== 'number' || !Number.isFinite(step) || total === 0) return undefined;
  const whole = Math.trunc(step);
  return whole === 0 ? undefined : Math.min(Math.max(whole, 1), total);
}
