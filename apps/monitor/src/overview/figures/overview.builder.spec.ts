import { deliveryMetrics, kafkaSnapshot, sampleAt } from '../testing/sample.factory';
import { buildOverview, type OverviewInput } from './overview.builder';

const IN = 'rtw.inbound.events.v1';
const DOSSIER = 'rtw.dossier.events.v1';
const now = new Date(Date.UTC(2026, 10, 30, 10, 0, 0));

function overview(samples: OverviewInput['samples'], insurer: string | null = null) {
  return buildOverview({ samples, now, rateWindowMs: 60_000, partnerWindowMs: 900_000, insurer });
}

const database = {
  deadlines: [
    { insurer: '300', dueSoon: 2, missedToday: 0 },
    { insurer: '100', dueSoon: 1, missedToday: 3 },
  ],
  pausedOrganisations: new Set(['regional:adg']),
};

describe('buildOverview', () => {
  it('says every source is unavailable before the first sample', () => {
    expect(overview([])).toEqual({
      generatedAt: now.toISOString(),
      sources: { kafka: 'unavailable', database: 'unavailable', metrics: 'unavailable' },
      topics: [],
      consumerGroups: [],
      deadLetters: [],
      partners: [],
      deadlines: [],
      history: { at: [], eventsIn: [], eventsOut: [] },
    });
  });

  it('gives topic rates per minute over the rate window: written in, read out by every group', () => {
    const samples = [
      sampleAt(0, {
        kafka: kafkaSnapshot({
          topics: { [IN]: [10, 20], [`${IN}.dlq`]: [0, 0] },
          groups: { tracker: { [IN]: [10, 20] }, audit: { [IN]: [5, 5] } },
        }),
      }),
      sampleAt(30, {
        kafka: kafkaSnapshot({
          topics: { [IN]: [40, 50], [`${IN}.dlq`]: [{ low: 0, high: 2 }, 1] },
          groups: { tracker: { [IN]: [40, 45] }, audit: { [IN]: [5, 5] } },
        }),
      }),
    ];
    const result = overview(samples);
    // 60 written in 30 s; 55 read by the tracker's group, none by the idle one.
    expect(result.topics).toEqual([{ topic: IN, inPerMinute: 120, outPerMinute: 110 }]);
    expect(result.deadLetters).toEqual([{ topic: `${IN}.dlq`, count: 3 }]);
    expect(result.consumerGroups).toEqual([
      {
        groupId: 'audit',
        totalLag: 80,
        partitions: [
          { topic: IN, partition: 0, lag: 35 },
          { topic: IN, partition: 1, lag: 45 },
        ],
      },
      {
        groupId: 'tracker',
        totalLag: 5,
        partitions: [
          { topic: IN, partition: 0, lag: 0 },
          { topic: IN, partition: 1, lag: 5 },
        ],
      },
    ]);
  });

  it('measures rates from the newest sample at least a window old, not from the first one', () => {
    const samples = [0, 60, 90].map((seconds) =>
      sampleAt(seconds, { kafka: kafkaSnapshot({ topics: { [DOSSIER]: [seconds * 100] } }) }),
    );
    // Between 0 s and 90 s; the 60 s sample is only 30 s old, so the window starts at 0 s.
    expect(overview(samples).topics[0]?.inPerMinute).toBe(6000);
    const later = [
      ...samples,
      sampleAt(180, { kafka: kafkaSnapshot({ topics: { [DOSSIER]: [9000] } }) }),
    ];
    // Between 90 s (9000) and 180 s (9000): nothing written.
    expect(overview(later).topics[0]?.inPerMinute).toBe(0);
  });

  it('has unknown rates with a single sample, and a history point per sample', () => {
    const samples = [
      sampleAt(0, { kafka: kafkaSnapshot({ topics: { [IN]: [0], [DOSSIER]: [0] } }) }),
      sampleAt(15, { kafka: null }),
      sampleAt(30, { kafka: kafkaSnapshot({ topics: { [IN]: [5], [DOSSIER]: [5] } }) }),
      sampleAt(60, {
        kafka: kafkaSnapshot({
          topics: { [IN]: [20], [DOSSIER]: [5] },
          groups: { g: { [IN]: [20] } },
        }),
      }),
    ];
    expect(overview(samples.slice(0, 1)).topics).toEqual([
      { topic: DOSSIER, inPerMinute: null, outPerMinute: null },
      { topic: IN, inPerMinute: null, outPerMinute: null },
    ]);
    expect(overview(samples).history).toEqual({
      at: samples.map((s) => new Date(s.at).toISOString()),
      eventsIn: [null, null, null, 30],
      eventsOut: [null, null, null, 0],
    });
  });

  it('keeps showing the other sources when Kafka and the database are down', () => {
    const apps = [
      { name: 'delivery', metrics: [], ready: true },
      { name: 'tracker', metrics: null, ready: null },
    ];
    const result = overview([sampleAt(0, { kafka: null, database: null, apps })]);
    expect(result.sources).toEqual({
      kafka: 'unavailable',
      database: 'unavailable',
      metrics: 'partial',
    });
    expect(result.topics).toEqual([]);
    expect(result.deadlines).toEqual([]);
  });

  it('lists deadlines per insurer, only the scope insurer for an insurer', () => {
    const samples = [sampleAt(0, { database })];
    expect(overview(samples).deadlines).toEqual([
      { insurer: '100', dueSoon: 1, missedToday: 3 },
      { insurer: '300', dueSoon: 2, missedToday: 0 },
    ]);
    expect(overview(samples, '300').deadlines).toEqual([
      { insurer: '300', dueSoon: 2, missedToday: 0 },
    ]);
    expect(overview(samples).sources.database).toBe('ok');
  });

  it('gives each organisation its success rate and p95 over the window, circuit and pause', () => {
    const vdab = 'regional:vdab';
    const samples = [
      sampleAt(0, {
        apps: [
          {
            name: 'delivery',
            ready: true,
            metrics: deliveryMetrics(vdab, { delivered: [5, 5, 5, 5] }),
          },
        ],
        database,
      }),
      sampleAt(60, {
        apps: [
          {
            name: 'delivery',
            ready: true,
            // Since the first sample: 18 delivered (10 ≤ 0.1 s, 8 in 0.1..0.5 s), 2 retryable.
            metrics: deliveryMetrics(
              vdab,
              { delivered: [15, 23, 23, 23], retryable: [0, 0, 2, 2] },
              1,
            ),
          },
        ],
        database,
      }),
    ];
    const result = overview(samples);
    expect(result.partners).toEqual([
      { partner: 'regional:adg', successRate: null, p95Ms: null, circuit: null, paused: true },
      // Rank 19 of 20 falls in 0.5..1 s (18 below): 0.5 + 0.5 × 1/2 = 0.75 s.
      { partner: vdab, successRate: 0.9, p95Ms: 750, circuit: 'open', paused: false },
    ]);
  });

  it('counts a counter that went down (an app restarted) from zero', () => {
    const vdab = 'regional:vdab';
    const samples = [
      sampleAt(0, {
        apps: [
          {
            name: 'delivery',
            ready: true,
            metrics: deliveryMetrics(vdab, { delivered: [50, 50, 50, 50] }),
          },
        ],
      }),
      sampleAt(60, {
        apps: [
          {
            name: 'delivery',
            ready: true,
            metrics: deliveryMetrics(vdab, { delivered: [4, 4, 4, 4], retryable: [0, 1, 1, 1] }),
          },
        ],
      }),
    ];
    expect(overview(samples).partners[0]).toMatchObject({
      successRate: 0.8,
      circuit: 'closed',
      paused: null,
    });
  });
});
