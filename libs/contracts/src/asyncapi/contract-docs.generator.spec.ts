import { loadSchemaSet, locateSchemasDir } from '../registry/schema-files.loader';
import { buildAsyncApiDocument } from './asyncapi.document';
import { generateContractDocs } from './contract-docs.generator';
import { HUB_PRODUCED_TYPES, type TopicDefinition } from './topic.definition';

// The real catalogue lives with the topology (@rtw/messaging); the committed docs made from it are
// checked by `rtw generate all --check` (main.spec.ts, CI). Here: one topic of each payload kind.
const topic = (address: string, payload: TopicDefinition['payload']): TopicDefinition => ({
  address,
  description: `Topic ${address}.`,
  writtenBy: 'writer',
  readBy: ['reader'],
  payload,
});
const TOPICS: readonly TopicDefinition[] = [
  topic('rtw.inbound.events.v1', 'inbound-events'),
  {
    ...topic('rtw.inbound.events.v1.dlq', 'inbound-events'),
    deadLetterOf: 'rtw.inbound.events.v1',
  },
  topic('rtw.dossier.events.v1', 'accepted-events'),
  topic('rtw.outbound.cpmt.v1', 'partner-messages'),
  topic('rtw.delivery.receipts.v1', 'delivery-receipts'),
  topic('rtw.notify.{insurer}.v1', 'insurer-notifications'),
];

const schemasDir = locateSchemasDir();
const set = loadSchemaSet(schemasDir);
const doc = buildAsyncApiDocument(set, TOPICS);
const channels = doc['channels'] as Record<
  string,
  { address: string; messages: Record<string, unknown> }
>;
const messageNames = (address: string) =>
  Object.keys(Object.values(channels).find((c) => c.address === address)!.messages);

describe('AsyncAPI document and contract docs', () => {
  it('is an AsyncAPI 3.0 document with one channel per given topic, in order', () => {
    expect(doc['asyncapi']).toBe('3.0.0');
    expect(Object.values(channels).map((c) => c.address)).toEqual(TOPICS.map((t) => t.address));
    expect(channels['rtw.notify.insurer.v1']).toMatchObject({
      parameters: { insurer: expect.any(Object) },
    });
  });

  it('puts the events of its source on a dead-letter topic and only prepared partner messages on a partner topic', () => {
    expect(messageNames('rtw.inbound.events.v1.dlq')).toEqual(
      messageNames('rtw.inbound.events.v1'),
    );
    expect(messageNames('rtw.outbound.cpmt.v1')).toEqual(['partner-message.prepared.v1']);
    expect(messageNames('rtw.notify.{insurer}.v1')).toContain('partner-message.withheld.v1');
    expect(messageNames('rtw.notify.{insurer}.v1')).not.toContain('partner-message.prepared.v1');
  });

  it('keeps hub-produced events off the inbound topic and puts receipts on their own topic', () => {
    const inbound = messageNames('rtw.inbound.events.v1');
    expect(inbound).toContain('dossier.opened.v1');
    for (const type of HUB_PRODUCED_TYPES)
      expect(inbound).not.toContain(`${type.slice('be.rtw.'.length)}.v1`);
    expect(messageNames('rtw.delivery.receipts.v1')).toEqual([
      'delivery.failed.v1',
      'delivery.failed.v2',
      'delivery.succeeded.v1',
      'delivery.succeeded.v2',
    ]);
    expect(messageNames('rtw.dossier.events.v1')).toContain('deadline.missed.v1');
    expect(messageNames('rtw.dossier.events.v1')).toContain('dossier.purged.v1');
    expect(messageNames('rtw.dossier.events.v1')).not.toContain('partner-message.withheld.v1');
  });

  it('describes one message per contract with self-contained payload schemas', () => {
    const messages = (doc['components'] as { messages: Record<string, unknown> }).messages;
    expect(Object.keys(messages)).toHaveLength(set.contracts.length);
    expect(JSON.stringify(messages)).not.toContain('urn:rtw:schema:common:');
  });

  it('renders a page per event listing fields, required flags and personal-data markers', () => {
    const files = generateContractDocs(set, TOPICS);
    const page = files.get('events/dossier.opened.v1.md')!;
    expect(page).toContain('| `insured.niss` | string (format niss) | yes | national-number |');
    expect(page).toContain(
      '| `insured.residence.street` | string (format human-text, 1..200 chars) |  | residence |',
    );
    expect(files.get('README.md')).toContain(
      '[`be.rtw.dossier.opened`](events/dossier.opened.v1.md)',
    );
    expect([...files.keys()].filter((f) => f.startsWith('events/'))).toHaveLength(
      set.contracts.length,
    );
  });
});
