import { HubError } from '@rtw/platform';
import type { RetryPolicy, RetryPolicyFor } from '@rtw/messaging';
import { ConnectorError } from '../errors/connector.error';

// SQLSTATE classes and codes that say "try again later", not "this input is wrong": connection
// exceptions (08), transaction rollbacks such as serialization failures and deadlocks (40),
// insufficient resources (53), operator intervention such as a restart or a statement timeout
// (57), and a lock not available (55P03).
const TRANSIENT_SQLSTATE = /^(08|40|53|57)[0-9A-Z]{3}$|^55P03$/;
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
// node-postgres and TypeORM say these in words, without a code.
const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];
const TRANSIENT_NAMES = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError']);

/** True when a failure of database work is an outage a later attempt may not meet. */
export function isDatabaseOutage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code)))
    return true;
  if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return true;
  return typeof message === 'string' && TRANSIENT_MESSAGES.some((words) => message.includes(words));
}

/**
 * Runs a batch's database work; an outage becomes a retriable CONNECTOR_DATABASE_UNAVAILABLE (the
 * transaction rolled back, nothing was half-written), anything else passes through unchanged, so
 * a programming error is not retried for minutes.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HubError || !isDatabaseOutage(error)) throw error;
    throw new ConnectorError({
      code: 'CONNECTOR_DATABASE_UNAVAILABLE',
      // The cause's own message may quote SQL parameters: only its class travels.
      message: `the database could not record the batch (${error instanceof Error ? error.name : 'failure'})`,
      cause: error,
    });
  }
}

// A database outage must not dead-letter accepted dossier events: retry in place for minutes.
const OUTAGE_RETRY: RetryPolicy = {
  type: 'retry',
  attempts: 20,
  backoff: { initialMs: 500, maxMs: 30_000, multiplier: 2, jitter: 0.2 },
};

/**
 * The connectors' retry policy: a retriable failure (the database away, another instance's
 * concurrent write) is retried in place with a long budget; anything else is dead-lettered at once
 * (the consumer runtime logs it with its code) for an operator to look at and replay.
 */
export const connectorRetryPolicy: RetryPolicyFor = (error) =>
  error instanceof HubError && error.retriable ? OUTAGE_RETRY : { type: 'dead-letter' };
