import type { Admin, Kafka } from 'kafkajs';
import { isDlqTopic } from '@rtw/messaging';
import type { KafkaSnapshot, PartitionOffsets } from '../sampling/sample.types';

/**
 * Reads end offsets of the hub's topics and the committed offsets of every consumer group through
 * one admin connection of its own (short retries: an absent broker must make the sample say
 * "unavailable" within the source timeout, not after kafkajs' patient retry). A failed read drops
 * the connection, so the next sample starts afresh.
 */
export class KafkaOffsetsReader {
  private admin: Admin | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topicPrefix: string,
  ) {}

  async read(): Promise<KafkaSnapshot> {
    try {
      const admin = await this.connected();
      const names = (await admin.listTopics())
        .filter((name) => name.startsWith(this.topicPrefix))
        .sort();
      const topics = new Map<string, Map<number, PartitionOffsets>>();
      for (const name of names) {
        const offsets = await admin.fetchTopicOffsets(name);
        topics.set(
          name,
          new Map(offsets.map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }])),
        );
      }
      return { topics, groups: await this.groups(admin, new Set(names)) };
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async connected(): Promise<Admin> {
    if (this.admin) return this.admin;
    const admin = this.kafka.admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }

  private async groups(
    admin: Admin,
    topics: ReadonlySet<string>,
  ): Promise<KafkaSnapshot['groups']> {
    const { groups } = await admin.listGroups();
    const result = new Map<string, Map<string, Map<number, number>>>();
    for (const { groupId, protocolType } of groups) {
      if (protocolType !== 'consumer' && protocolType !== '') continue;
      const committed = await admin.fetchOffsets({ groupId });
      const byTopic = new Map<string, Map<number, number>>();
      for (const entry of committed) {
        if (!topics.has(entry.topic) || isDlqTopic(entry.topic)) continue;
        const partitions = new Map(
          entry.partitions
            .filter((p) => Number(p.offset) >= 0)
            .map((p) => [p.partition, Number(p.offset)]),
        );
        if (partitions.size > 0) byTopic.set(entry.topic, partitions);
      }
      if (byTopic.size > 0) result.set(groupId, byTopic);
    }
    return result;
  }
}
