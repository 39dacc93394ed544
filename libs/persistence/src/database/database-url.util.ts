import { PersistenceError } from '../errors/persistence.error';

/** Parses a `postgres:` URL; errors leave the URL out because it may carry a password. */
export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw invalid('The database URL cannot be parsed', cause);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw invalid('The database URL must use the postgres: scheme');
  }
  return parsed;
}

/** The database named in a postgres URL, and the URL of the server's `postgres` maintenance database. */
export function splitDatabaseUrl(url: string): { database: string; maintenanceUrl: string } {
  const parsed = parseDatabaseUrl(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '') throw invalid('The database URL names no database');
  parsed.pathname = '/postgres';
  return { database, maintenanceUrl: parsed.toString() };
}

function invalid(message: string, cause?: unknown): PersistenceError {
  return new PersistenceError({ code: 'PERSISTENCE_INVALID_CONFIG', message, cause });
}
