import type { Client } from 'pg';
import { PersistenceError } from '../errors/persistence.error';

/** Connects a node-postgres client, turning a refused or timed-out connection into a retriable HubError. */
export async function connectOrThrow(client: Client): Promise<void> {
  try {
    await client.connect();
  } catch (cause) {
    throw new PersistenceError({
      code: 'PERSISTENCE_DATABASE_UNAVAILABLE',
      message: 'Cannot connect to PostgreSQL',
      cause,
    });
  }
}
