import { MessagingError } from '../errors/messaging.error';
import { effectiveMinInSyncReplicas } from './ensure-topics';
import { dlqTopic, fixedTopics, isDlqTopic, notifyTopic, TOPICS } from './topics.constant';
import { buildTopology, DEFAULT_PARTITIONS } from './topology.config';

const GRAMMAR = /^rtw\.[a-z]+\.[a-z0-9]+\.v\d+(\.dlq)?$/;

describe('topic names', () => {
  it('follow the rtw.<area>.<subject>.v<N> grammar, DLQs included', () => {
    const names = buildTopology({ insurerCodes: ['100', '600'] }).map((spec) => spec.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(GRAMMAR);
  });

  it('have one outbound topic per partner', () => {
    expect(Object.values(TOPICS.outbound)).toEqual([
      'rtw.outbound.cpmt.v1',
      'rtw.outbound.actiris.v1',
      'rtw.outbound.vdab.v1',
      'rtw.outbound.forem.v1',
      'rtw.outbound.adg.v1',
      'rtw.outbound.inami.v1',
    ]);
  });

  it('derive the notification topic from a three-digit insurer code and refuse anything else', () => {
    expect(notifyTopic('300')).toBe('rtw.notify.300.v1');
    expect(() => notifyTopic('30')).toThrow(MessagingError);
    expect(() => notifyTopic('300.x')).toThrow(MessagingError);
  });

  it('append .dlq for a dead-letter topic and refuse a DLQ of a DLQ', () => {
    expect(dlqTopic(TOPICS.dossierEvents)).toBe('rtw.dossier.events.v1.dlq');
    expect(isDlqTopic('rtw.dossier.events.v1.dlq')).toBe(true);
    expect(() => dlqTopic('rtw.dossier.events.v1.dlq')).toThrow(/already a dead-letter topic/);
  });
});

describe('buildTopology', () => {
  it('declares each fixed topic and its DLQ, plus one notification topic and DLQ per insurer', () => {
    const names = buildTopology({ insurerCodes: ['100'] }).map((spec) => spec.name);
    const expected = [...fixedTopics(), 'rtw.notify.100.v1'].flatMap((t) => [t, `${t}.dlq`]);
    expect(names).toEqual(expected);
  });

  it('gives every topic the configured partition count, 12 by default', () => {
    expect(new Set(buildTopology().map((spec) => spec.partitions))).toEqual(
      new Set([DEFAULT_PARTITIONS]),
    );
    expect(new Set(buildTopology({ partitions: 3 }).map((spec) => spec.partitions))).toEqual(
      new Set([3]),
    );
  });

  it('keeps dead letters longer than any source topic, and never compacts', () => {
    const topology = buildTopology({ insurerCodes: ['100'] });
    const retention = (name: string) =>
      Number(topology.find((spec) => spec.name === name)!.configs['retention.ms']);
    for (const spec of topology.filter((s) => !isDlqTopic(s.name))) {
      expect(retention(dlqTopic(spec.name))).toBeGreaterThan(retention(spec.name));
    }
    expect(new Set(topology.map((spec) => spec.configs['cleanup.policy']))).toEqual(
      new Set(['delete']),
    );
    expect(retention(TOPICS.inboundEvents)).toBe(7 * 24 * 3600 * 1000);
  });

  it('refuses a partition count that is not a positive whole number', () => {
    expect(() => buildTopology({ partitions: 0 })).toThrow(MessagingError);
    expect(() => buildTopology({ partitions: 1.5 })).toThrow(MessagingError);
  });
});

describe('effectiveMinInSyncReplicas', () => {
  it('keeps one replica of slack below the replication factor, never going under 1', () => {
    expect(effectiveMinInSyncReplicas(2, 3)).toBe(2);
    expect(effectiveMinInSyncReplicas(2, 2)).toBe(1);
    expect(effectiveMinInSyncReplicas(2, 1)).toBe(1);
    expect(effectiveMinInSyncReplicas(2, 5)).toBe(2);
  });
});
