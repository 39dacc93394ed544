import { TOPIC_CATALOGUE } from './topic.catalogue';
import { PARTNERS, TOPICS } from './topics.constant';
import { buildTopology } from './topology.config';

describe('the topic catalogue (what the contract docs describe)', () => {
  it('describes exactly the topics of the topology, with the insurer topics as one family', () => {
    const declared = buildTopology({ insurerCodes: ['000'] }).map((spec) =>
      spec.name.replace('.000.', '.{insurer}.'),
    );
    expect(TOPIC_CATALOGUE.map((topic) => topic.address).sort()).toEqual(declared.sort());
  });

  it('follows each topic with its dead-letter topic, which carries the same events', () => {
    for (const [index, topic] of TOPIC_CATALOGUE.entries()) {
      if (index % 2 === 0) continue;
      const source = TOPIC_CATALOGUE[index - 1]!;
      expect(topic).toMatchObject({
        address: `${source.address}.dlq`,
        deadLetterOf: source.address,
        payload: source.payload,
      });
    }
  });

  it('names the connector that writes each partner topic', () => {
    const writers = PARTNERS.map(
      (partner) => TOPIC_CATALOGUE.find((t) => t.address === TOPICS.outbound[partner])?.writtenBy,
    );
    expect(writers).toEqual([
      'cpmt-connector',
      'actiris-connector',
      'regional-connector',
      'regional-connector',
      'regional-connector',
      'inami-evaluation',
    ]);
  });
});
