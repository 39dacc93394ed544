import { Client } from 'pg';
import { connectOrThrow } from './admin-client.util';

/**
 * Runs `work` while holding a session-level advisory lock on a dedicated connection, so that
 * other processes calling this with the same key wait their turn. The lock dies with the
 * connection, so a crashed holder never leaves it stuck.
 */
export async function withSessionLock<T>(
  url: string,
  key: { namespace: number; id: number },
  work: () => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'rtw-lock' });
  await connectOrThrow(client);
  try {
    await client.query('SELECT pg_advisory_lock($1::int, $2::int)', [key.namespace, key.id]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::int, $2::int)', [key.namespace, key.id]);
    }
  } finally {
    await client.end();
  }
}
