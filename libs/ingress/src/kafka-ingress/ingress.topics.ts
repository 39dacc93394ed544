import { buildTopology, dlqTopic, isDlqTopic, type Topology } from '@rtw/messaging';

/** Where insurers that publish straight to Kafka write: `rtw.ingress.<insurer>.v1` (ADR 0026). */
export const DEFAULT_INGRESS_TOPIC_PATTERN = 'rtw.ingress.{insurer}.v1';

const PLACEHOLDER = '{insurer}';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The raw ingress topic of one insurer. */
export function ingressTopic(pattern: string, insurerCode: string): string {
  return pattern.replace(PLACEHOLDER, insurerCode);
}

/** The insurer whose ingress topic this is, or undefined for any other topic. */
export function insurerOfIngressTopic(pattern: string, topic: string): string | undefined {
  const [prefix = '', suffix = ''] = pattern.split(PLACEHOLDER);
  if (isDlqTopic(topic) || !topic.startsWith(prefix) || !topic.endsWith(suffix)) return undefined;
  const code = topic.slice(prefix.length, topic.length - suffix.length);
  return /^\d{3}$/.test(code) ? code : undefined;
}

/**
 * The topics the gateway needs beyond the runtime's fixed ones: each insurer's ingress topic and
 * its dead-letter topic, and each insurer's notification topic (rejection events go there).
 */
export function ingressTopology(options: {
  pattern: string;
  insurerCodes: readonly string[];
  partitions: number;
}): Topology {
  const notify = buildTopology({
    partitions: options.partitions,
    insurerCodes: options.insurerCodes,
  }).filter((spec) => spec.name.startsWith('rtw.notify.'));
  const configs = (days: number) => ({
    'cleanup.policy': 'delete',
    'retention.ms': String(days * DAY_MS),
    'min.insync.replicas': '2',
  });
  const ingress = options.insurerCodes.flatMap((code) => {
    const name = ingressTopic(options.pattern, code);
    return [
      { name, partitions: options.partitions, configs: configs(7) },
      { name: dlqTopic(name), partitions: options.partitions, configs: configs(90) },
    ];
  });
  return [...ingress, ...notify];
}
