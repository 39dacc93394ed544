import { publishInOrder, runsByTopic } from './ordered-batch.publisher';
import type { OutboxPublisher, OutboxRecord } from './outbox-publisher.port';
import type { PendingOutboxRow } from './outbox.repository';

function row(seq: number, topic: string, key = 'k1'): PendingOutboxRow {
  return {
    seq: String(seq),
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    bucket: 0,
    topic,
    key,
    headers: { ce_id: `e${seq}` },
    payload: Buffer.from(`v${seq}`),
    attemptedAt: null,
  };
}

class RecordingPublisher implements OutboxPublisher {
  readonly calls: Array<{ topic: string; records: OutboxRecord[] }> = [];
  constructor(private readonly failOnTopic?: string) {}
  async publish(topic: string, records: OutboxRecord[]): Promise<void> {
    if (topic === this.failOnTopic) throw new Error('broker down');
    this.calls.push({ topic, records });
  }
}

describe('runsByTopic', () => {
  it('groups only consecutive rows of one topic, keeping seq order', () => {
    const runs = runsByTopic([row(1, 'a'), row(2, 'a'), row(3, 'b'), row(4, 'a')]);
    expect(runs.map((run) => [run.topic, run.rows.map((r) => r.seq)])).toEqual([
      ['a', ['1', '2']],
      ['b', ['3']],
      ['a', ['4']],
    ]);
  });
});

describe('publishInOrder', () => {
  it('publishes every row with its key, value and headers, run by run', async () => {
    const publisher = new RecordingPublisher();
    const result = await publishInOrder(publisher, [row(1, 'a'), row(2, 'b', 'k2')]);
    expect(result.failed).toEqual([]);
    expect(result.published.map((r) => r.seq)).toEqual(['1', '2']);
    expect(publisher.calls).toEqual([
      { topic: 'a', records: [{ key: 'k1', value: Buffer.from('v1'), headers: { ce_id: 'e1' } }] },
      { topic: 'b', records: [{ key: 'k2', value: Buffer.from('v2'), headers: { ce_id: 'e2' } }] },
    ]);
  });

  it('stops at the first failed run so no later row overtakes it', async () => {
    const publisher = new RecordingPublisher('b');
    const result = await publishInOrder(publisher, [
      row(1, 'a'),
      row(2, 'b'),
      row(3, 'b'),
      row(4, 'a'),
    ]);
    expect(result.published.map((r) => r.seq)).toEqual(['1']);
    expect(result.failed.map((r) => r.seq)).toEqual(['2', '3']);
    expect((result.error as Error).message).toBe('broker down');
    expect(publisher.calls.map((call) => call.topic)).toEqual(['a']);
  });
});
