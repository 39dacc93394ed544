import * as path from 'node:path';
import { compareOutputFiles } from '../codegen/output-files';
import { loadSchemaSet, locateSchemasDir } from '../registry/schema-files.loader';
import { buildAsyncApiDocument } from './asyncapi.document';
import { generateContractDocs } from './contract-docs.generator';
import { HUB_PRODUCED_TYPES, PARTNERS, TOPIC_DEFINITIONS } from './topics';

const schemasDir = locateSchemasDir();
const set = loadSchemaSet(schemasDir);
const doc = buildAsyncApiDocument(set);
const channels = doc['channels'] as Record<
  string,
  { address: string; messages: Record<string, unknown> }
>;
const messageNames = (address: string) =>
  Object.keys(Object.values(channels).find((c) => c.address === address)!.messages);

describe('AsyncAPI document and contract docs', () => {
  it('is an AsyncAPI 3.0 document with every topic and its dead-letter topic', () => {
    expect(doc['asyncapi']).toBe('3.0.0');
    const addresses = Object.values(channels).map((c) => c.address);
    expect(addresses).toEqual(TOPIC_DEFINITIONS.map((t) => t.address));
    for (const partner of PARTNERS) expect(addresses).toContain(`rtw.outbound.${partner}.v1.dlq`);
    expect(addresses).toContain('rtw.notify.{insurer}.v1');
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
  });

  it('describes one message per contract with self-contained payload schemas', () => {
    const messages = (doc['components'] as { messages: Record<string, unknown> }).messages;
    expect(Object.keys(messages)).toHaveLength(set.contracts.length);
    expect(JSON.stringify(messages)).not.toContain('urn:rtw:schema:common:');
  });

  it('renders a page per event listing fields, required flags and personal-data markers', () => {
    const files = generateContractDocs(set);
    const page = files.get('events/dossier.opened.v1.md')!;
    expect(page).toContain('| `insured.niss` | string (format niss) | yes | national-number |');
    expect(page).toContain('| `insured.residence.street` | string (1..200 chars) |  | residence |');
    expect(files.get('README.md')).toContain(
      '[`be.rtw.dossier.opened`](events/dossier.opened.v1.md)',
    );
    expect([...files.keys()].filter((f) => f.startsWith('events/'))).toHaveLength(
      set.contracts.length,
    );
  });

  it('matches the committed files in docs/contracts', () => {
    const docsDir = path.join(path.dirname(schemasDir), 'docs', 'contracts');
    expect(compareOutputFiles(docsDir, generateContractDocs(set))).toEqual([]);
  });
});
