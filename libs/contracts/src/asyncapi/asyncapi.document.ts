import type { SchemaSide } from '../compatibility/schema.resolver';
import { EVENT_TYPE_PREFIX } from '../registry/contract-id.parser';
import type {
  ContractSchema,
  JsonSchemaObject,
  SchemaSet,
} from '../registry/schema-document.types';
import { ENVELOPE_SCHEMA_ID } from '../registry/schema.compiler';
import { inlineRefs, propertyEntries } from './schema.inliner';
import { type TopicDefinition, eventTypesOn } from './topic.definition';

/** An AsyncAPI 3.0 document as plain JSON. */
export type AsyncApiDocument = Record<string, unknown>;

/** Name of the shared header schema in `components.schemas`. */
const HEADERS_SCHEMA = 'CloudEventHeaders';

/** Schema format of the message payloads (our contracts are JSON Schema 2020-12). */
export const PAYLOAD_SCHEMA_FORMAT = 'application/schema+json;version=draft-2020-12';

/** Message id of a contract in the document, e.g. `dossier.opened.v1`. */
export function messageIdOf(contract: Pick<ContractSchema, 'type' | 'version'>): string {
  return `${contract.type.slice(EVENT_TYPE_PREFIX.length)}.v${contract.version}`;
}

/** Channel id of a topic: its address without the `{}` of parameters. */
export function channelIdOf(topic: TopicDefinition): string {
  return topic.address.replace(/[{}]/g, '');
}

/**
 * Builds the AsyncAPI 3 description of the given topics (the hub's topic catalogue) and of the
 * contracts they carry. Messages are described as they travel in Kafka binary mode: CloudEvents
 * attributes as `ce_*` headers, `data` as the JSON value.
 */
export function buildAsyncApiDocument(
  set: SchemaSet,
  topics: readonly TopicDefinition[],
): AsyncApiDocument {
  const side: SchemaSide = {
    root: true,
    definitions: new Map(set.common.map((c) => [c.id, c.schema])),
  };
  const envelope = set.common.find((c) => c.id === ENVELOPE_SCHEMA_ID)?.schema ?? {};
  const messages = Object.fromEntries(
    set.contracts.map((c) => [messageIdOf(c), messageOf(c, side)]),
  );
  const { channels, operations } = channelsAndOperations(set, topics);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'RTW hub canonical events',
      version: '1.0.0',
      description:
        'Topics and canonical events of the return-to-work integration hub. Generated from ' +
        'schemas/canonical and libs/messaging/src/topology/topic.catalogue.ts by `npm run contracts:docs`.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas: { [HEADERS_SCHEMA]: headersOf(envelope, side) }, messages },
  };
}

function channelsAndOperations(
  set: SchemaSet,
  topics: readonly TopicDefinition[],
): { channels: Record<string, unknown>; operations: Record<string, unknown> } {
  const types = [...new Set(set.contracts.map((c) => c.type))];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of topics) {
    const channelId = channelIdOf(topic);
    const onTopic = set.contracts
      .filter((c) => eventTypesOn(topic, types).includes(c.type))
      .map(messageIdOf);
    channels[channelId] = channelOf(topic, onTopic);
    // Every topic is written by one hub application; the document describes the hub as a whole.
    operations[`write.${channelId}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `${topic.writtenBy} writes; ${topic.readBy.join(', ')} read.`,
      messages: onTopic.map((id) => ({ $ref: `#/channels/${channelId}/messages/${id}` })),
    };
  }
  return { channels, operations };
}

function channelOf(topic: TopicDefinition, messageIds: readonly string[]): Record<string, unknown> {
  return {
    address: topic.address,
    title: topic.address,
    description: `${topic.description} Key: dossier id. Written by ${topic.writtenBy}; read by ${topic.readBy.join(', ')}.`,
    ...(topic.address.includes('{insurer}')
      ? { parameters: { insurer: { description: 'Three-digit insurer code (reference data).' } } }
      : {}),
    messages: Object.fromEntries(
      messageIds.map((id) => [id, { $ref: `#/components/messages/${id}` }]),
    ),
  };
}

function messageOf(contract: ContractSchema, side: SchemaSide): Record<string, unknown> {
  return {
    name: contract.type,
    title: String(contract.schema['title'] ?? contract.type),
    summary: String(contract.schema['description'] ?? ''),
    contentType: 'application/json',
    headers: {
      allOf: [
        { $ref: `#/components/schemas/${HEADERS_SCHEMA}` },
        {
          properties: { ce_type: { const: contract.type }, ce_dataschema: { const: contract.id } },
        },
      ],
    },
    payload: { schemaFormat: PAYLOAD_SCHEMA_FORMAT, schema: inlineRefs(contract.schema, side) },
    bindings: {
      kafka: {
        key: { type: 'string', format: 'uuid', description: 'Dossier id (ce_subject).' },
        bindingVersion: '0.5.0',
      },
    },
  };
}

/** CloudEvents Kafka binding: each attribute becomes `ce_<name>`, datacontenttype `content-type`. */
function headersOf(envelope: JsonSchemaObject, side: SchemaSide): JsonSchemaObject {
  const required = Array.isArray(envelope['required']) ? envelope['required'].map(String) : [];
  const properties: Record<string, unknown> = {};
  const headerNames: string[] = [];
  for (const [name, schema] of propertyEntries(envelope)) {
    if (name === 'data') continue;
    const header = name === 'datacontenttype' ? 'content-type' : `ce_${name}`;
    properties[header] = inlineRefs(schema, side);
    if (required.includes(name)) headerNames.push(header);
  }
  return {
    title: 'CloudEvents Kafka headers',
    description: 'Binary-mode attributes of every canonical event; the value is the event data.',
    type: 'object',
    required: headerNames,
    properties,
  };
}
