import { createTestDataSource } from '@rtw/testing';
import { createDataSource } from './data-source.options';
import { checkDatabase } from './database.health';

describe('checkDatabase', () => {
  it('reports a reachable database as up with its latency', async () => {
    const dataSource = await createTestDataSource();
    try {
      const health = await checkDatabase(dataSource);
      expect(health).toEqual({ status: 'up', latencyMs: expect.any(Number) });
    } finally {
      await dataSource.destroy();
    }
  });

  it('reports a data source that was never initialized as down', async () => {
    const dataSource = createDataSource({ url: 'postgres://postgres@127.0.0.1:5432/rtw_test' });
    await expect(checkDatabase(dataSource)).resolves.toEqual({
      status: 'down',
      code: 'NOT_INITIALIZED',
    });
  });

  it('reports down with TIMEOUT when no answer comes in time (pool exhausted)', async () => {
    const dataSource = await createTestDataSource({ poolSize: 1 });
    try {
      const busy = dataSource.query('SELECT pg_sleep(1)');
      const health = await checkDatabase(dataSource, { timeoutMs: 200 });
      expect(health).toEqual({ status: 'down', code: 'TIMEOUT' });
      await busy;
    } finally {
      await dataSource.destroy();
    }
  });

  it('lets the statement timeout abort a statement that runs too long', async () => {
    const dataSource = await createTestDataSource({ statementTimeoutMs: 100 });
    try {
      await expect(dataSource.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    } finally {
      await dataSource.destroy();
    }
  });
});
