import type { DataSource } from 'typeorm';
import type { BodyReference } from '../queue/delivery-message.types';
import { PayloadError, type PayloadStore } from './payload-store.port';

/** The payload store of INAMI dataset versions (ADR 0082). */
export const INAMI_DATASETS_STORE = 'inami-datasets';

const REFERENCE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(xml|json)$/;

/**
 * Reads the files of frozen INAMI dataset versions, which inami-evaluation stores in PostgreSQL
 * in chunks (ADR 0081): a reference `<version id>.<xml|json>` in the `inami-datasets` store. Read
 * only: the frozen rows and chunks are immutable, so what delivery sends at any attempt is the
 * frozen bytes. A database outage is retried (PAYLOAD_UNAVAILABLE); an unknown reference is final.
 */
export class PostgresPayloadStore implements PayloadStore {
  constructor(private readonly dataSource: DataSource) {}

  async read(reference: BodyReference): Promise<Buffer> {
    const match = reference.store === INAMI_DATASETS_STORE ? REFERENCE.exec(reference.id) : null;
    if (!match)
      throw new PayloadError('PAYLOAD_NOT_FOUND', 'no payload store holds this reference');
    let rows: Array<{ bytes: Buffer }>;
    try {
      rows = (await this.dataSource.query(
        `SELECT c."bytes" FROM "inami_dataset_chunks" c
           JOIN "inami_dataset_versions" v ON v."id" = c."version_id"
          WHERE c."version_id" = $1 AND c."form" = $2 ORDER BY c."seq"`,
        [match[1], match[2]],
      )) as Array<{ bytes: Buffer }>;
    } catch (cause) {
      throw Object.assign(
        new PayloadError('PAYLOAD_UNAVAILABLE', 'the payload store cannot be read'),
        { cause },
      );
    }
    if (rows.length === 0)
      throw new PayloadError('PAYLOAD_NOT_FOUND', 'no payload with this reference');
    return Buffer.concat(rows.map((row) => row.bytes));
  }
}
