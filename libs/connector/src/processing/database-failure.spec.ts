import { ConnectorError } from '../errors/connector.error';
import { connectorRetryPolicy, isDatabaseOutage, withDatabase } from './database-failure';

describe('database failures in a connector batch', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED' }],
    ['a server shutting down', { code: '57P01' }],
    ['a statement timeout', { code: '57014' }],
    ['a deadlock', { code: '40P01' }],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect', new Error('timeout exceeded when trying to connect')],
  ])('takes %s for an outage, retried in place', async (_case, cause) => {
    const error = await withDatabase(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECTOR_DATABASE_UNAVAILABLE', retriable: true });
    expect(connectorRetryPolicy(error)).toMatchObject({ type: 'retry', attempts: 20 });
  });

  it.each([
    ['a not-null violation', { code: '23502' }],
    ['bad input syntax', { code: '22P02' }],
    ['a programming error', new TypeError('x is undefined')],
  ])('lets %s through, to be dead-lettered at once', async (_case, cause) => {
    expect(isDatabaseOutage(cause)).toBe(false);
    const error = await withDatabase(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBe(cause);
    expect(connectorRetryPolicy(error)).toEqual({ type: 'dead-letter' });
  });

  it('keeps the hub’s own errors as they are', async () => {
    const own = new ConnectorError({ code: 'CONNECTOR_CONCURRENT_WRITE', message: 'meanwhile' });
    await expect(withDatabase(() => Promise.reject(own))).rejects.toBe(own);
    expect(connectorRetryPolicy(own)).toMatchObject({ type: 'retry' });
  });
});
