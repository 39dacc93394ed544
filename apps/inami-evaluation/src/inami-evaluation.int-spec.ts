import { Writable } from 'node:stream';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig } from '@rtw/runtime';
import { kafkaBrokers, prepareDatabase, testDatabaseUrl, waitForReady } from '@rtw/testing';
import { DatasetBuilder } from './dataset/dataset.builder';
import { inamiEvaluationApp } from './inami-evaluation.app';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('the inami-evaluation app', () => {
  it('starts with its pseudonym secret, answers ready, and builds a dataset with its configured builder', async () => {
    await prepareDatabase();
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: kafkaBrokers().join(','),
      BACKGROUND_RETRY_MAX_MS: '1000',
      INAMI_PSEUDONYM_SECRET: 'development-only-inami-pseudonym-secret-for-tests',
      INAMI_SCHEDULE_ENABLED: 'false',
    };
    const definition = inamiEvaluationApp(env);
    const config = readConfig(definition, env);
    if (!config) throw new Error('test configuration refused');
    let logs = '';
    const destination = new Writable({
      write: (chunk, _encoding, done) => ((logs += chunk.toString()), done()),
    });
    const app = await createHubApp(
      definition,
      config,
      createLogger({ app: 'inami-evaluation', level: 'info', destination }),
    );
    try {
      await app.listen(0, '127.0.0.1');
      await waitForReady(await app.getUrl());
      const sinks = { xml: new Sink(), json: new Sink() };
      // Insurer 999 holds no dossier in any test: an empty but complete dataset.
      const result = await app.get(DatasetBuilder).build({ insurer: '999', year: 2026 }, sinks);
      expect(result).toEqual({ dossiersRead: 0, trajectoriesCounted: 0, findings: 0 });
      expect(sinks.xml.text).toContain(
        '<evaluationDataset xmlns="urn:rtw:partner:inami:evaluation-dataset:v1">',
      );
      expect(JSON.parse(sinks.json.text)).toMatchObject({
        insurer: '999',
        year: 2026,
        trajectory: [],
      });
      expect(logs).not.toContain('development-only-inami-pseudonym-secret-for-tests');
    } finally {
      await app.close();
    }
  });
});
