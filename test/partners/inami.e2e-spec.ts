import type { Clock } from '@rtw/platform';
import { routeASalariedWithCpmt, waitUntil, type JsonEvent } from '@rtw/testing';
import { BATCH, post } from '../../apps/gateway/src/testing/gateway.fixture';
import { EvaluationDatasetContract } from '../../apps/inami-evaluation/src/dataset/evaluation-dataset.contract';
import { PseudonymKey } from '../../apps/inami-evaluation/src/dataset/pseudonym.key';
import {
  TEST_PSEUDONYM_SECRET,
  testVersionsService,
} from '../../apps/inami-evaluation/src/testing/event-store.helper';
import type { VersionStatus } from '../../apps/inami-evaluation/src/versions/dataset-version.types';
import { startHub, type RunningHub } from '../support/hub.fixture';

const DAY = 86_400_000;
const INAMI = 'inami:inami';
/** The year's dataset is frozen in January of the next year (the trajectories fit today). */
const january: Clock = {
  now: () => new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 15, 8)),
};
const year = new Date().getUTCFullYear();
const actor = { organisation: 'urn:rtw:org:insurer:100', subject: 'e2e-operator' };

/** A route A trajectory, the insurer's own events only (partners answer through the sandbox). */
function insurerTrajectory(): { dossierId: string; events: JsonEvent[] } {
  const incapacityStart = new Date(Date.now() - 180 * DAY).toISOString().slice(0, 10);
  const { dossierId, events } = routeASalariedWithCpmt({ insurer: '100', incapacityStart });
  const own = events.findIndex((event) => event['source'] !== events[0]!['source']);
  return { dossierId, events: own === -1 ? events : events.slice(0, own) };
}

// Issue 11's lifecycle end to end: generated trajectories through the gateway and the tracker,
// a dataset built (dry run), frozen, delivered by delivery to the sandbox playing INAMI and
// acknowledged; a corrected version refused, corrected again with a reason, accepted and diffed.
describe("an insurer's INAMI dataset, from the trajectories to INAMI's acknowledgement", () => {
  let hub: RunningHub;
  let contract: EvaluationDatasetContract;

  beforeAll(async () => {
    hub = await startHub({ apps: ['delivery', 'partner-sandbox', 'inami-evaluation'] });
    contract = await EvaluationDatasetContract.load();
  });
  afterAll(async () => {
    contract?.dispose();
    if (hub) {
      const codes = await hub.stop();
      expect(Object.values(codes).every((code) => code === 0)).toBe(true);
    }
  });

  const submitEvents = async (trajectories: Array<{ events: JsonEvent[] }>) => {
    const events = trajectories.flatMap((trajectory) => trajectory.events);
    const response = await post(`${hub.url('gateway')}/v1/events/batch`, events, {
      'content-type': BATCH,
      authorization: await hub.bearer('insurer:100'),
    });
    expect([response.status, response.body['accepted']]).toEqual([200, events.length]);
    for (const { dossierId, events: own } of trajectories as Array<{
      dossierId: string;
      events: JsonEvent[];
    }>) {
      await waitUntil(
        async () =>
          ((
            await hub.db.query(`SELECT "version" FROM "dossiers" WHERE "dossier_id" = $1`, [
              dossierId,
            ])
          )[0]?.version as number | undefined) === own.length,
        'the trajectory in the event store',
        120_000,
      );
    }
  };
  const statusOf = async (version: number): Promise<VersionStatus | undefined> =>
    (
      await hub.db.query(
        `SELECT "status" FROM "inami_dataset_versions" WHERE "insurer" = '100' AND "year" = $1 AND "version" = $2`,
        [year, version],
      )
    )[0]?.status as VersionStatus | undefined;
  const pseudonymsOf = async (versionId: string): Promise<string[]> => {
    const { versions } = testVersionsService({ dataSource: hub.db, contract, clock: january });
    const chunks: Buffer[] = [];
    for await (const chunk of versions.file(versionId, 'json')) chunks.push(chunk);
    const dataset = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      trajectory: Array<{ pseudonym: string }>;
    };
    return dataset.trajectory.map((record) => record.pseudonym);
  };
  const control = (body: Record<string, unknown>) =>
    fetch(`${hub.url('partner-sandbox')}/control/partners/${encodeURIComponent(INAMI)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('builds, freezes, delivers and gets acknowledged; a refused correction is corrected again with a reason and diffed', async () => {
    const { service, submissions } = testVersionsService({
      dataSource: hub.db,
      contract,
      clock: january,
    });
    // The broker is shared: the tracker may also replay other tests' insurer-100 events into this
    // hub, so the test follows its own trajectories by their pseudonyms.
    const key = new PseudonymKey({ secret: TEST_PSEUDONYM_SECRET, insurer: '100', year });
    const first = Array.from({ length: 3 }, insurerTrajectory);
    await submitEvents(first);

    const draft = await service.build({ insurer: '100', year });
    expect(draft.trajectoriesCounted).toBeGreaterThanOrEqual(3);
    const v1 = await service.freeze({ insurer: '100', year, actor });
    expect(v1.version).toBe(1);
    const frozenPseudonyms = await pseudonymsOf(v1.id);
    for (const { dossierId } of first) expect(frozenPseudonyms).toContain(key.pseudonym(dossierId));
    await submissions.submit({ insurer: '100', year, actor });
    await waitUntil(
      async () => (await statusOf(1)) === 'acknowledged',
      'INAMI acknowledging v1',
      120_000,
    );

    // Two late trajectories; INAMI refuses the first correction, accepts the second.
    const late = Array.from({ length: 2 }, insurerTrajectory);
    await submitEvents(late);
    expect((await control({ mode: 'refuse' })).status).toBe(200);
    const v2 = await service.freeze({
      insurer: '100',
      year,
      actor,
      reason: 'two late trajectories',
    });
    await submissions.submit({ insurer: '100', year, actor });
    await waitUntil(async () => (await statusOf(2)) === 'refused', 'INAMI refusing v2', 120_000);
    // INAMI's verdict on the version: its own reasons, read from its HTTP answer (ADR 0109).
    const refused = await service.show({ insurer: '100', year, version: 2 });
    expect(refused.answer).toEqual({
      outcome: 'refused',
      reasons: [{ code: 'REFUSED_BY_SCRIPT', text: 'refused as the sandbox was told to' }],
    });
    // When INAMI answered: delivery's time of the answer (the hub's clock, not the test's January).
    expect(Number.isNaN(Date.parse(refused.answeredAt ?? ''))).toBe(false);

    expect((await control({ mode: 'ok' })).status).toBe(200);
    const v3 = await service.freeze({
      insurer: '100',
      year,
      actor,
      reason: 'resubmitted after INAMI refused version 2',
    });
    await submissions.submit({ insurer: '100', year, actor });
    await waitUntil(
      async () => (await statusOf(3)) === 'acknowledged',
      'INAMI acknowledging v3',
      120_000,
    );

    const diff = await service.diff({ insurer: '100', year, from: 1, to: 3 });
    for (const { dossierId } of late)
      expect(diff.trajectories.added).toContain(key.pseudonym(dossierId));
    expect(diff.trajectories.removed).toEqual([]);
    expect(v3.trajectoriesCounted - v1.trajectoriesCounted).toBeGreaterThanOrEqual(2);

    // What INAMI received is the frozen bytes: one delivery per submitted version.
    const ledger = (await (
      await fetch(
        `${hub.url('partner-sandbox')}/control/deliveries?org=${encodeURIComponent(INAMI)}`,
      )
    ).json()) as { deliveries: Array<{ idempotencyKey: string; processed: boolean }> };
    expect(ledger.deliveries.map((d) => [d.idempotencyKey, d.processed]).sort()).toEqual([
      [`inami-100-${year}-v1-${v1.id.slice(0, 8)}`, true],
      [`inami-100-${year}-v2-${v2.id.slice(0, 8)}`, false],
      [`inami-100-${year}-v3-${v3.id.slice(0, 8)}`, true],
    ]);
    expect(v3.files.xml.sha256).not.toBe(v1.files.xml.sha256);
  });
});
