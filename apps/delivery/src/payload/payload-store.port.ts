import { HubError } from '@rtw/platform';
import type { BodyReference } from '../queue/delivery-message.types';

/**
 * Where large partner bodies live (the INAMI yearly dataset, too big for a Kafka record): the
 * connector stores the bytes and sends a reference; delivery reads them at each attempt.
 */
export interface PayloadStore {
  /** The bytes, or a PayloadError: PAYLOAD_NOT_FOUND (final) or PAYLOAD_UNAVAILABLE (retried). */
  read(reference: BodyReference): Promise<Buffer>;
}

/** Injection token of the process's {@link PayloadStore}. */
export const PAYLOAD_STORE = Symbol('PAYLOAD_STORE');

/** Why a referenced body could not be read. */
export class PayloadError extends HubError {
  constructor(code: 'PAYLOAD_NOT_FOUND' | 'PAYLOAD_UNAVAILABLE', message: string) {
    super({ code, message, retriable: code === 'PAYLOAD_UNAVAILABLE' });
  }
}

/**
 * The store of a process that has none configured yet: every reference is unknown, so such
 * messages are refused (visible, replayable once a store is wired) rather than retried for a day.
 */
export class NoPayloadStore implements PayloadStore {
  async read(): Promise<Buffer> {
    throw new PayloadError('PAYLOAD_NOT_FOUND', 'no payload store is configured');
  }
}

/** A payload store in memory, for tests. */
export class InMemoryPayloadStore implements PayloadStore {
  private readonly payloads = new Map<string, Buffer>();
  /** When set, every read fails as if the store were down. */
  unavailable = false;

  put(reference: BodyReference, bytes: Buffer | string): void {
    this.payloads.set(`${reference.store}/${reference.id}`, Buffer.from(bytes));
  }

  async read(reference: BodyReference): Promise<Buffer> {
    if (this.unavailable)
      throw new PayloadError('PAYLOAD_UNAVAILABLE', 'the payload store is down');
    const bytes = this.payloads.get(`${reference.store}/${reference.id}`);
    if (!bytes) throw new PayloadError('PAYLOAD_NOT_FOUND', 'no payload with this reference');
    return bytes;
  }
}
