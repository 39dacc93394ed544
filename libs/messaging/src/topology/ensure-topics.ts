// Creates the topics a process needs before it produces or consumes. Auto topic creation is off on
// every broker of the hub, so this is the only way topics come to exist.
import type { Admin } from 'kafkajs';
import { waitForPartitionsServed } from './partitions-served.wait';
import type { TopicSpec, Topology } from './topology.config';

/** How topics are created on this cluster. */
export interface EnsureTopicsOptions {
  /** Replication factor of new topics (3 in production, 1 on a development broker). */
  replicationFactor: number;
}

/** A topic whose partition count on the broker differs from the declaration (never changed here). */
export interface PartitionDrift {
  topic: string;
  declared: number;
  actual: number;
}

/** What `ensureTopics` did. */
export interface EnsureTopicsReport {
  /** Topics this call created. */
  created: string[];
  /** Topics that were there already (or that another instance created at the same moment). */
  existing: string[];
  /** Existing topics with another partition count than declared: an operator decides. */
  drift: PartitionDrift[];
}

/**
 * Creates the missing topics of a topology and reports what it did, once every partition of the
 * topology is served by its leader (so the first produce or fetch cannot fail for a partition
 * still loading). Idempotent; several instances may run it at once (a topic created by another
 * instance in between counts as existing).
 */
export async function ensureTopics(
  admin: Admin,
  topology: Topology,
  options: EnsureTopicsOptions,
): Promise<EnsureTopicsReport> {
  const present = new Set(await admin.listTopics());
  const missing = topology.filter((spec) => !present.has(spec.name));
  // One request per topic: kafkajs reports a TOPIC_ALREADY_EXISTS race only as `false` for the
  // whole request, and we want to say exactly which topics this call created.
  const results = await Promise.all(
    missing.map(async (spec) => ({
      name: spec.name,
      created: await admin.createTopics({
        topics: [toCreateRequest(spec, options)],
        // kafkajs' own wait fails on UNKNOWN_TOPIC_OR_PARTITION while a new partition loads;
        // waitForPartitionsServed below waits for that too.
        waitForLeaders: false,
      }),
    })),
  );
  await waitForPartitionsServed(
    admin,
    topology.map((spec) => spec.name),
  );
  const created = results.filter((r) => r.created).map((r) => r.name);
  const existing = topology.map((spec) => spec.name).filter((name) => !created.includes(name));
  return { created, existing, drift: await partitionDrift(admin, topology, present) };
}

/**
 * The `min.insync.replicas` a topic gets: the declared value, but at most one less than the
 * replication factor (so that one broker may be down) and at least 1.
 */
export function effectiveMinInSyncReplicas(declared: number, replicationFactor: number): number {
  return Math.max(1, Math.min(declared, replicationFactor - 1));
}

function toCreateRequest(spec: TopicSpec, options: EnsureTopicsOptions) {
  const configs = { ...spec.configs };
  const declared = configs['min.insync.replicas'];
  if (declared !== undefined) {
    configs['min.insync.replicas'] = String(
      effectiveMinInSyncReplicas(Number(declared), options.replicationFactor),
    );
  }
  return {
    topic: spec.name,
    numPartitions: spec.partitions,
    replicationFactor: options.replicationFactor,
    configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
  };
}

async function partitionDrift(
  admin: Admin,
  topology: Topology,
  present: Set<string>,
): Promise<PartitionDrift[]> {
  const declared = topology.filter((spec) => present.has(spec.name));
  if (declared.length === 0) return [];
  const { topics } = await admin.fetchTopicMetadata({ topics: declared.map((spec) => spec.name) });
  const actual = new Map(topics.map((t) => [t.name, t.partitions.length]));
  return declared
    .map((spec) => ({
      topic: spec.name,
      declared: spec.partitions,
      actual: actual.get(spec.name) ?? 0,
    }))
    .filter((d) => d.actual !== d.declared);
}
