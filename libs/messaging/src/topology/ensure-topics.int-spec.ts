import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { deleteTestTopics, testKafka, uniqueTopic } from '@rtw/testing';
import { ensureTopics } from './ensure-topics';
import { waitForPartitionsServed } from './partitions-served.wait';
import { buildTopology, type Topology } from './topology.config';

// The real topology, renamed under a unique prefix so that tests sharing the broker never collide.
function uniqueTopology(): Topology {
  const prefix = uniqueTopic('topology');
  return buildTopology({ partitions: 3, insurerCodes: ['100'] }).map((spec) => ({
    ...spec,
    name: `${prefix}.${spec.name}`,
  }));
}

describe('ensureTopics on the real broker', () => {
  // Quiet: the broker answers TOPIC_ALREADY_EXISTS on purpose here, and kafkajs logs each one as an error.
  const kafka = testKafka('ensure-topics-test', { quiet: true });
  let admin: Admin;
  let topology: Topology;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await deleteTestTopics(topology.map((spec) => spec.name));
    await admin.disconnect();
  });

  it('creates every declared topic with its partitions and configs, then does nothing on a second call', async () => {
    topology = uniqueTopology();
    const names = topology.map((spec) => spec.name);

    const first = await ensureTopics(admin, topology, { replicationFactor: 1 });
    const second = await ensureTopics(admin, topology, { replicationFactor: 1 });

    expect(first.created.sort()).toEqual([...names].sort());
    expect(second).toEqual({ created: [], existing: names, drift: [] });
    const { topics } = await admin.fetchTopicMetadata({ topics: names });
    expect(topics.map((t) => t.partitions.length)).toEqual(names.map(() => 3));
    const configs = await describeTopicConfigs(admin, names);
    for (const spec of topology) {
      // min.insync.replicas is lowered to 1 because the test broker has replication factor 1.
      expect(configs.get(spec.name)).toEqual({ ...spec.configs, 'min.insync.replicas': '1' });
    }
  });

  it('counts a topic another instance created first as existing and reports its partition drift', async () => {
    const [spec] = uniqueTopology();
    const racing = { ...spec!, partitions: 2 };
    topology = [racing];
    await admin.createTopics({
      topics: [{ topic: racing.name, numPartitions: 1 }],
      waitForLeaders: false,
    });
    await waitForPartitionsServed(admin, [racing.name]);

    const report = await ensureTopics(admin, [racing], { replicationFactor: 1 });

    expect(report).toEqual({
      created: [],
      existing: [racing.name],
      drift: [{ topic: racing.name, declared: 2, actual: 1 }],
    });
  });

  it('lets several instances ensure the same topics at once without failing', async () => {
    topology = uniqueTopology().slice(0, 4);

    const reports = await Promise.all(
      [1, 2, 3].map(() => ensureTopics(admin, topology, { replicationFactor: 1 })),
    );

    const createdOnce = reports.flatMap((r) => r.created).sort();
    expect(createdOnce).toEqual(topology.map((spec) => spec.name).sort());
  });
});

async function describeTopicConfigs(
  admin: Admin,
  names: string[],
): Promise<Map<string, Record<string, string>>> {
  const keys = ['cleanup.policy', 'retention.ms', 'min.insync.replicas'];
  const { resources } = await admin.describeConfigs({
    resources: names.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: keys })),
    includeSynonyms: false,
  });
  return new Map(
    resources.map((r) => [
      r.resourceName,
      Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue])),
    ]),
  );
}
