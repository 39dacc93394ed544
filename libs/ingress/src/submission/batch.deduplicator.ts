import type { SubmissionItem } from './submission.types';

/** An accepted item's position and idempotency key. */
export interface KeyedItem {
  readonly index: number;
  readonly key: string;
  readonly source: string;
  readonly id: string;
  readonly hash: string;
}

/** Accepted items split into first occurrences of a key and repeats of a key within the batch. */
export interface DeduplicatedBatch {
  readonly firsts: KeyedItem[];
  /** Index of a repeat -> index of the first item with its key. */
  readonly repeats: Map<number, number>;
}

/** The idempotency key of an event: its source and id. */
export function idempotencyKey(source: string, id: string): string {
  return `${source}\u0000${id}`;
}

/** Finds repeated (source, id) pairs inside one batch, so the store inserts each key once. */
export function deduplicateBatch(items: readonly SubmissionItem[]): DeduplicatedBatch {
  const firsts: KeyedItem[] = [];
  const repeats = new Map<number, number>();
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    if (item.verdict !== 'accept') return;
    const key = idempotencyKey(item.event.source, item.event.id);
    const first = firstIndex.get(key);
    if (first !== undefined) {
      repeats.set(index, first);
      return;
    }
    firstIndex.set(key, index);
    firsts.push({ index, key, source: item.event.source, id: item.event.id, hash: item.hash });
  });
  return { firsts, repeats };
}
