import { randomUUID } from 'node:crypto';
import { generateNiss, trajectoryEvents, type JsonEvent } from '@rtw/testing';

/**
 * Batches of realistic insurer events: whole trajectories (dossier.opened ... plan.drafted) of
 * fresh dossiers with generated NISS numbers, cut into batches of `batchSize`.
 */
export function buildBatches(options: {
  events: number;
  batchSize: number;
  insurer: string;
}): JsonEvent[][] {
  const events: JsonEvent[] = [];
  while (events.length < options.events) {
    events.push(
      ...trajectoryEvents({
        dossierId: randomUUID(),
        insurer: options.insurer,
        niss: generateNiss(),
      }),
    );
  }
  events.length = options.events;
  const batches: JsonEvent[][] = [];
  for (let start = 0; start < events.length; start += options.batchSize)
    batches.push(events.slice(start, start + options.batchSize));
  return batches;
}

/** Runs `work` over the items with at most `concurrency` in flight; returns when all are done. */
export async function runConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
