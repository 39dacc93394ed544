import type { Sample } from '../sampling/sample.types';

/**
 * The sample a window starts from: the newest one at least `windowMs` older than `latest` that
 * satisfies `usable`, or else the oldest usable one (a monitor younger than the window measures
 * from its first sample). Undefined when no usable sample older than `latest` exists.
 */
export function windowStart(
  samples: readonly Sample[],
  latest: Sample,
  windowMs: number,
  usable: (sample: Sample) => boolean,
): Sample | undefined {
  const older = samples.filter((sample) => sample.at < latest.at && usable(sample));
  const before = older.filter((sample) => sample.at <= latest.at - windowMs);
  return before.at(-1) ?? older[0];
}

/** Growth of a counter between two readings; a smaller reading means a restart (from zero). */
export function counterIncrease(then: number | undefined, now: number): number {
  if (then === undefined || now < then) return now;
  return now - then;
}

/** A rate per minute, rounded to two decimals. */
export function perMinute(count: number, fromMs: number, toMs: number): number {
  return Math.round((count / (toMs - fromMs)) * 60_000 * 100) / 100;
}
