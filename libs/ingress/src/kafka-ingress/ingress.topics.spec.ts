import {
  DEFAULT_INGRESS_TOPIC_PATTERN,
  ingressTopic,
  ingressTopology,
  insurerOfIngressTopic,
} from './ingress.topics';

describe('ingress topics', () => {
  it('names one raw topic per insurer following the hub grammar, and reads the insurer back', () => {
    expect(ingressTopic(DEFAULT_INGRESS_TOPIC_PATTERN, '300')).toBe('rtw.ingress.300.v1');
    expect(insurerOfIngressTopic(DEFAULT_INGRESS_TOPIC_PATTERN, 'rtw.ingress.300.v1')).toBe('300');
  });

  it('reads no insurer from other topics, dead-letter topics included', () => {
    for (const topic of ['rtw.ingress.300.v1.dlq', 'rtw.inbound.events.v1', 'rtw.ingress.abc.v1']) {
      expect(insurerOfIngressTopic(DEFAULT_INGRESS_TOPIC_PATTERN, topic)).toBeUndefined();
    }
  });

  it('declares each ingress topic with its DLQ and each notification topic with its DLQ', () => {
    const names = ingressTopology({
      pattern: DEFAULT_INGRESS_TOPIC_PATTERN,
      insurerCodes: ['100', '200'],
      partitions: 3,
    }).map((spec) => spec.name);
    expect(names.sort()).toEqual(
      ['rtw.ingress.100.v1', 'rtw.ingress.200.v1', 'rtw.notify.100.v1', 'rtw.notify.200.v1']
        .flatMap((t) => [t, `${t}.dlq`])
        .sort(),
    );
  });
});
