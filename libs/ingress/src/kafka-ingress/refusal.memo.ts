import type { Refusal } from '../errors/ingress.error';

/** Where a record sits: topic, partition, offset. */
export interface RecordCoordinates {
  readonly topic: string;
  readonly partition: number | string;
  readonly offset: string;
}

const LIMIT = 10_000;

/**
 * Hands a refusal (with its pointer) from the ingress handler to the dead-letter publisher of the
 * same process: dead-letter headers carry only a code and a message. Bounded, in case a refused
 * record is never dead-lettered (the consumer stopped in between).
 */
export class RefusalMemo {
  private readonly refusals = new Map<string, Refusal>();

  remember(at: RecordCoordinates, refusal: Refusal): void {
    if (this.refusals.size >= LIMIT) this.refusals.delete(this.refusals.keys().next().value!);
    this.refusals.set(keyOf(at), refusal);
  }

  /** The refusal remembered for a record, forgotten once taken. */
  take(at: RecordCoordinates): Refusal | undefined {
    const key = keyOf(at);
    const refusal = this.refusals.get(key);
    this.refusals.delete(key);
    return refusal;
  }
}

function keyOf(at: RecordCoordinates): string {
  return `${at.topic}/${at.partition}/${at.offset}`;
}
