import { PassThrough } from 'node:stream';
import { routeASalariedWithCpmt } from '@rtw/testing';
import { DatasetTally } from '../dataset/dataset.tally';
import { foldTrajectory } from '../dataset/trajectory.folder';
import { RECONCILIATION_FORMAT, type ReconciliationLine } from './reconciliation.types';
import { ReconciliationWriter } from './reconciliation.writer';

const header = {
  insurer: '100',
  year: 2026,
  generatedAt: '2027-01-15T08:00:00.000Z',
  smallCellThreshold: 5,
};

async function reconcile(count: number, withoutOpening = 0) {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const writer = new ReconciliationWriter(sink, header);
  const tally = new DatasetTally();
  const trajectories = Array.from({ length: count }, () =>
    routeASalariedWithCpmt({ incapacityStart: '2026-01-12' }),
  );
  await writer.start();
  for (const [index, trajectory] of trajectories.entries()) {
    const events = trajectory.events.slice(index < withoutOpening ? 1 : 0).map((event) => ({
      eventId: String(event['id']),
      type: String(event['type']),
      occurredAt: new Date(String(event['time'])),
      data: event['data'] as Record<string, unknown>,
    }));
    const folded = foldTrajectory(
      { dossierId: trajectory.dossierId, events, deadlines: [] },
      { year: 2026, pseudonym: String(index).padStart(64, '0') },
    );
    tally.add(folded);
    await writer.trajectory(folded);
  }
  await writer.finish(tally, count);
  sink.end();
  const lines = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ReconciliationLine);
  return { trajectories, lines };
}

describe('the reconciliation report', () => {
  it('opens with the dataset it reconciles and closes with the totals', async () => {
    const { lines } = await reconcile(2);
    expect(lines[0]).toEqual({ record: 'header', format: RECONCILIATION_FORMAT, ...header });
    const counts = lines.filter((line) => line.record === 'count');
    expect(lines.at(-1)).toEqual({
      record: 'total',
      trajectoriesCounted: 2,
      findings: 0,
      countLines: counts.length,
    });
  });

  it('names, per cell, each person counted (pseudonym) and the event that counted them', async () => {
    const { trajectories, lines } = await reconcile(6);
    const sent = lines.filter(
      (line) =>
        line.record === 'count' && line.theme === 'questionnairesSent' && line.quarter === 1,
    );
    expect(sent).toEqual(
      trajectories.map((trajectory, index) => ({
        record: 'count',
        theme: 'questionnairesSent',
        quarter: 1,
        pseudonym: String(index).padStart(64, '0'),
        eventIds: [
          trajectory.events.find((event) => event['type'] === 'be.rtw.questionnaire.sent')!['id'],
        ],
      })),
    );
  });

  it('gives every cell its people and the published figure, suppressed under five', async () => {
    const six = await reconcile(6);
    const four = await reconcile(4);
    const cell = (lines: ReconciliationLine[]) =>
      lines.find(
        (line) =>
          line.record === 'cell' && line.theme === 'questionnairesSent' && line.quarter === 1,
      );
    expect(cell(six.lines)).toMatchObject({
      people: 6,
      published: { count: 6, suppressed: false },
    });
    expect(cell(four.lines)).toMatchObject({ people: 4, published: { suppressed: true } });
    // Every theme in every quarter, published figure or not.
    expect(six.lines.filter((line) => line.record === 'cell')).toHaveLength(23 * 4);
  });

  it('lists an inconsistent trajectory with its finding, and still its counts', async () => {
    const { lines } = await reconcile(2, 1);
    const zero = '0'.repeat(64);
    expect(lines).toContainEqual({ record: 'finding', pseudonym: zero, code: 'OPENING_MISSING' });
    expect(lines.some((line) => line.record === 'count' && line.pseudonym === zero)).toBe(true);
    expect(lines.at(-1)).toMatchObject({ record: 'total', findings: 1 });
  });
});
