import type { QueuedMessage } from './delivery-message.types';

/** The columns a claim returns, as `toQueuedMessage` reads them. */
export const QUEUE_COLUMNS = `m."id", m."seq", m."partner", m."organisation_id", m."dossier_id", m."insurer",
  m."message_type", m."contract", m."content_type", m."referral_id", m."causation_id",
  m."correlation_id", m."event", m."source_topic", m."source_partition", m."source_offset",
  m."attempts", m."round_attempts", m."replays", m."received_at"`;

/** A queue row as a message. */
export function toQueuedMessage(row: Record<string, unknown>): QueuedMessage {
  const optional = (column: string): string | undefined =>
    row[column] === null || row[column] === undefined ? undefined : String(row[column]);
  return {
    id: String(row['id']),
    seq: String(row['seq']),
    partner: row['partner'] as QueuedMessage['partner'],
    organisationId: String(row['organisation_id']),
    dossierId: String(row['dossier_id']),
    insurer: String(row['insurer']),
    messageType: String(row['message_type']),
    contract: String(row['contract']),
    contentType: row['content_type'] as QueuedMessage['contentType'],
    referralId: optional('referral_id'),
    causationId: String(row['causation_id']),
    correlationId: optional('correlation_id'),
    event: row['event'] as QueuedMessage['event'],
    source: {
      topic: String(row['source_topic']),
      partition: Number(row['source_partition']),
      offset: String(row['source_offset']),
    },
    attempts: Number(row['attempts']),
    roundAttempts: Number(row['round_attempts']),
    replays: Number(row['replays']),
    receivedAt: row['received_at'] as Date,
  };
}

/**
 * The rows of an `UPDATE ... RETURNING`: TypeORM's PostgreSQL driver answers `[rows, count]` for
 * updates (and plain rows for selects and inserts).
 */
export function updatedRows(result: unknown): Array<Record<string, unknown>> {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as Array<Record<string, unknown>>;
  return (result ?? []) as Array<Record<string, unknown>>;
}
