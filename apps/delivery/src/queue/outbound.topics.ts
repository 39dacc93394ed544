import {
  PARTNERS,
  TOPICS,
  dlqTopic,
  isDlqTopic,
  type Partner,
  type Topology,
} from '@rtw/messaging';

/** The partner topics, `rtw.outbound.<partner>.v1` (the `TOPICS.outbound` names). */
export const DEFAULT_OUTBOUND_TOPIC_PATTERN = 'rtw.outbound.{partner}.v1';
const PLACEHOLDER = '{partner}';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The outbound topic of a partner under a pattern (tests use their own; production the default). */
export function outboundTopic(pattern: string, partner: Partner): string {
  return pattern === DEFAULT_OUTBOUND_TOPIC_PATTERN
    ? TOPICS.outbound[partner]
    : pattern.replace(PLACEHOLDER, partner);
}

/** The partner whose outbound topic this is under the pattern, or undefined. */
export function partnerOfOutboundTopic(pattern: string, topic: string): Partner | undefined {
  if (isDlqTopic(topic)) return undefined;
  return PARTNERS.find((partner) => outboundTopic(pattern, partner) === topic);
}

/**
 * The outbound topics and their dead-letter topics under a pattern other than the default (the
 * runtime creates the default ones with the fixed topology).
 */
export function outboundTopology(pattern: string, partitions: number): Topology {
  if (pattern === DEFAULT_OUTBOUND_TOPIC_PATTERN) return [];
  const configs = (days: number) => ({
    'cleanup.policy': 'delete',
    'retention.ms': String(days * DAY_MS),
    'min.insync.replicas': '2',
  });
  return PARTNERS.flatMap((partner) => {
    const name = outboundTopic(pattern, partner);
    return [
      { name, partitions, configs: configs(14) },
      { name: dlqTopic(name), partitions, configs: configs(90) },
    ];
  });
}
