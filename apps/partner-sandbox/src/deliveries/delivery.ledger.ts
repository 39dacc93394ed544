/** How the sandbox answered one delivery attempt. */
export type AttemptOutcome =
  | 'acknowledged'
  | 'replayed'
  | 'unauthorised'
  | 'refused'
  | 'rate-limited'
  | 'failed'
  | 'timed-out'
  | 'dropped';

/** Everything received under one idempotency key by one organisation. */
export interface DeliveryRecord {
  readonly organisation: string;
  readonly idempotencyKey: string;
  /** Requests received with this key, whatever the answer. */
  attempts: number;
  /** Of which answered 2xx (the first one processed, later ones replays). */
  acknowledged: number;
  /** True once the message was processed (validated, answers scheduled): at most once. */
  processed: boolean;
  readonly outcomes: Partial<Record<AttemptOutcome, number>>;
  lastStatus?: number;
  /** The message's own references, once read (pseudonymous ids, never personal data). */
  messageId?: string;
  dossierId?: string;
  referralId?: string;
  readonly firstAt: string;
  lastAt: string;
}

/** Keys kept per organisation before the oldest are forgotten (the sandbox is a test tool). */
const MAX_KEYS_PER_ORGANISATION = 100_000;

/**
 * The deliveries each organisation received, counted per idempotency key: fault tests read it to
 * check that delivery retried as it should and that a re-sent key was acknowledged again but
 * processed once. In memory, like a partner's own log; `reset` empties it.
 */
export class DeliveryLedger {
  private readonly byOrganisation = new Map<string, Map<string, DeliveryRecord>>();

  /** Counts one attempt and returns its record. */
  attempt(
    organisation: string,
    idempotencyKey: string,
    outcome: AttemptOutcome,
    status: number | undefined,
    at: Date,
  ): DeliveryRecord {
    const records = this.recordsOf(organisation);
    let record = records.get(idempotencyKey);
    if (!record) {
      if (records.size >= MAX_KEYS_PER_ORGANISATION) records.delete(records.keys().next().value!);
      record = {
        organisation,
        idempotencyKey,
        attempts: 0,
        acknowledged: 0,
        processed: false,
        outcomes: {},
        firstAt: at.toISOString(),
        lastAt: at.toISOString(),
      };
      records.set(idempotencyKey, record);
    }
    record.attempts += 1;
    record.outcomes[outcome] = (record.outcomes[outcome] ?? 0) + 1;
    if (outcome === 'acknowledged' || outcome === 'replayed') record.acknowledged += 1;
    if (status !== undefined) record.lastStatus = status;
    record.lastAt = at.toISOString();
    return record;
  }

  /** True when a message under this key was already processed. */
  isProcessed(organisation: string, idempotencyKey: string): boolean {
    return this.byOrganisation.get(organisation)?.get(idempotencyKey)?.processed === true;
  }

  /** Marks the key processed, with the references the message carried. */
  markProcessed(
    organisation: string,
    idempotencyKey: string,
    references: { messageId?: string; dossierId?: string; referralId?: string },
  ): void {
    const record = this.byOrganisation.get(organisation)?.get(idempotencyKey);
    if (!record) return;
    record.processed = true;
    Object.assign(record, references);
  }

  /** The records of one organisation (or of all), oldest first. */
  list(organisation?: string): DeliveryRecord[] {
    const sources =
      organisation === undefined
        ? [...this.byOrganisation.values()]
        : [this.byOrganisation.get(organisation) ?? new Map<string, DeliveryRecord>()];
    return sources.flatMap((records) => [...records.values()].map((record) => ({ ...record })));
  }

  reset(): void {
    this.byOrganisation.clear();
  }

  private recordsOf(organisation: string): Map<string, DeliveryRecord> {
    let records = this.byOrganisation.get(organisation);
    if (!records) {
      records = new Map();
      this.byOrganisation.set(organisation, records);
    }
    return records;
  }
}
