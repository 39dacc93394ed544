import { testDossierEvent } from '@rtw/testing';
import { InMemoryBus } from './in-memory.publisher';
import { publishEvents } from './publisher.port';

describe('InMemoryBus (unit-test stand-in for the broker)', () => {
  it('keeps published events per topic, in order, readable back as CloudEvents', async () => {
    const bus = new InMemoryBus();
    const events = [testDossierEvent(), testDossierEvent()];

    await publishEvents(bus.publisher(), 'topic-a', events);

    expect(bus.events('topic-a')).toEqual(events);
    expect(bus.records('topic-a').map((r) => [r.offset, r.key])).toEqual([
      [0, events[0]!.subject],
      [1, events[1]!.subject],
    ]);
    expect(bus.records('topic-b')).toEqual([]);
  });

  it('fails the next publish to a topic once when asked, recording nothing for it', async () => {
    const bus = new InMemoryBus();
    const publisher = bus.publisher();
    bus.failNextPublish(new Error('broker down'), 'topic-a');

    await expect(
      publisher.publish('topic-b', [{ key: 'k', value: '{}', headers: {} }]),
    ).resolves.toBeUndefined();
    await expect(
      publisher.publish('topic-a', [{ key: 'k', value: '{}', headers: {} }]),
    ).rejects.toThrow('broker down');
    await expect(
      publisher.publish('topic-a', [{ key: 'k', value: '{}', headers: {} }]),
    ).resolves.toBeUndefined();
    expect(bus.records('topic-a')).toHaveLength(1);
  });

  it('copies headers, so a caller mutating its message later does not change what was published', async () => {
    const bus = new InMemoryBus();
    const headers: Record<string, string> = { a: '1' };
    await bus.publisher().publish('t', [{ key: 'k', value: '{}', headers }]);
    headers['a'] = '2';
    expect(bus.records('t')[0]?.headers).toEqual({ a: '1' });
  });
});
