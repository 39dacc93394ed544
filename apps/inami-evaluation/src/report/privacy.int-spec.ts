import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig } from '@rtw/runtime';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  kafkaBrokers,
  REGIONAL_RESIDENCES,
  routeASalariedWithCpmt,
  routeBToRegionalService,
  waitForReady,
  type ScriptedTrajectory,
} from '@rtw/testing';
import { DatasetBuilder } from '../dataset/dataset.builder';
import type { EvaluationDataset } from '../dataset/dataset.types';
import { inamiEvaluationApp } from '../inami-evaluation.app';
import type { ReconciliationLine } from '../reconciliation/reconciliation.types';

const SECRET = 'development-only-inami-pseudonym-secret-for-tests';

/** A whole token: a pseudonym is hex and may hold four digits in a row by chance. */
function token(value: string): RegExp {
  return new RegExp(
    `(?<![0-9A-Za-z])${value.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![0-9A-Za-z])`,
  );
}

/** Gives a trajectory's person known, distinctive identity values. */
function withIdentity(
  trajectory: ScriptedTrajectory,
  identity: { lastName: string; firstName: string; birthDate: string },
): ScriptedTrajectory {
  const insured = (trajectory.events[0]!['data'] as { insured: Record<string, unknown> }).insured;
  Object.assign(insured, identity);
  return trajectory;
}

describe('what a dataset build lets out about people', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let dir: string;
  const trajectories: ScriptedTrajectory[] = [];
  const forbidden = new Set<string>();

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    dir = mkdtempSync(join(tmpdir(), 'rtw-inami-privacy-'));
    for (let i = 0; i < 6; i++) {
      trajectories.push(
        withIdentity(routeASalariedWithCpmt({ insurer: '100', incapacityStart: '2026-01-12' }), {
          lastName: `Vandermeulen-Testname${i}`,
          firstName: `Genevieve${i}`,
          birthDate: `1971-0${i + 1}-1${i}`,
        }),
      );
    }
    for (const service of ['actiris', 'vdab', 'forem', 'adg'] as const) {
      trajectories.push(
        withIdentity(
          routeBToRegionalService(REGIONAL_RESIDENCES[service], {
            insurer: '100',
            incapacityStart: '2026-02-02',
          }),
          { lastName: `Dubois-Probe-${service}`, firstName: 'Aurelie', birthDate: '1984-11-27' },
        ),
      );
    }
    for (const trajectory of trajectories) {
      forbidden.add(trajectory.niss).add(trajectory.dossierId);
      const insured = (trajectory.events[0]!['data'] as { insured: Record<string, unknown> })
        .insured;
      for (const key of ['niss', 'lastName', 'firstName', 'birthDate']) {
        forbidden.add(String(insured[key]));
      }
      forbidden.add(String((insured['residence'] as Record<string, unknown>)['postalCode']));
    }
    for (const trajectory of trajectories) {
      for (const [index, event] of trajectory.events.entries()) {
        // Event ids appear in the reconciliation report: none may hold a value by chance.
        while ([...forbidden].some((value) => token(value).test(String(event['id'])))) {
          event['id'] = randomUUID();
        }
        await dataSource.query(
          `INSERT INTO "dossier_events" ("dossier_id", "version", "event_source", "event_id",
             "type", "dataschema", "insurer", "occurred_at", "recorded_at", "data")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)`,
          [
            trajectory.dossierId,
            index + 1,
            event['source'],
            event['id'],
            event['type'],
            event['dataschema'] ?? null,
            trajectory.insurer,
            event['time'],
            event['data'],
          ],
        );
      }
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes no NISS, name, birth date, postal code or dossier id in the dataset, the reconciliation report, the HTML report or the logs', async () => {
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      BACKGROUND_RETRY_MAX_MS: '1000',
      INAMI_PSEUDONYM_SECRET: SECRET,
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
      createLogger({ app: 'inami-evaluation', level: 'debug', destination }),
    );
    const files = {
      xml: join(dir, 'dataset.xml'),
      json: join(dir, 'dataset.json'),
      reconciliation: join(dir, 'reconciliation.jsonl'),
      report: join(dir, 'report.html'),
    };
    try {
      await app.listen(0, '127.0.0.1');
      await waitForReady(await app.getUrl());
      const sinks = {
        xml: createWriteStream(files.xml),
        json: createWriteStream(files.json),
        reconciliation: createWriteStream(files.reconciliation),
        report: createWriteStream(files.report),
      };
      const result = await app.get(DatasetBuilder).build({ insurer: '100', year: 2026 }, sinks);
      for (const sink of Object.values(sinks)) sink.end();
      await Promise.all(Object.values(sinks).map((sink) => finished(sink)));
      expect(result.trajectoriesCounted).toBe(10);
    } finally {
      await app.close();
    }

    const texts: Record<string, string> = { logs };
    for (const [name, file] of Object.entries(files)) texts[name] = readFileSync(file, 'utf8');
    // The outputs are not empty and do carry what they should, so the scan means something.
    expect(texts['report']).toContain('<svg');
    expect(texts['reconciliation']).toContain('"record":"count"');
    expect(logs.length).toBeGreaterThan(0);
    expect(forbidden.size).toBeGreaterThan(30);
    const found = Object.entries(texts).flatMap(([name, text]) =>
      [...forbidden].filter((value) => token(value).test(text)).map(() => name),
    );
    expect(found).toEqual([]);

    // The reconciliation report ties each published figure back to people and events.
    const dataset = JSON.parse(texts['json']!) as EvaluationDataset;
    const lines = texts['reconciliation']!.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ReconciliationLine);
    const counts = lines.filter((line) => line.record === 'count');
    const eventIds = new Set(trajectories.flatMap((t) => t.events.map((e) => String(e['id']))));
    expect(counts.every((line) => line.eventIds.every((id) => eventIds.has(id)))).toBe(true);
    const pseudonyms = new Set(dataset.trajectory!.map((record) => record.pseudonym));
    expect(counts.every((line) => pseudonyms.has(line.pseudonym))).toBe(true);
    const q2Received = lines.find(
      (line) =>
        line.record === 'cell' &&
        line.theme === 'completedQuestionnairesReceived' &&
        line.quarter === 2,
    );
    // Route A received on 2026-04-02 (six) and route B on 2026-04-23 (four): ten in Q2.
    expect(q2Received).toEqual({
      record: 'cell',
      theme: 'completedQuestionnairesReceived',
      quarter: 2,
      people: 10,
      published: dataset.costSharingKey.quarter[1]!.completedQuestionnairesReceived,
    });
    expect(
      counts.filter(
        (line) => line.theme === 'completedQuestionnairesReceived' && line.quarter === 2,
      ),
    ).toHaveLength(10);
  });
});
