import type { ContractRegistry, PartnerMessagePreparedV1 } from '@rtw/contracts';
import { TOPICS, createCloudEvent, toKafkaMessage } from '@rtw/messaging';
import type { OutboxMessage } from '@rtw/persistence';
import { DATASET_NAMESPACE } from '../dataset/evaluation-dataset.contract';
import type { DatasetVersion } from '../versions/dataset-version.types';
import { VersionError } from '../versions/version.error';

/** The hub as a CloudEvents source. */
const HUB_SOURCE = 'urn:rtw:org:hub';
const PREPARED = 'be.rtw.partner-message.prepared';

/** Name of the payload store holding frozen versions' files (delivery reads it, ADR 0082). */
export const INAMI_PAYLOAD_STORE = 'inami-datasets';

/**
 * The message id of a version's submission: also its idempotency key at INAMI. The version's id
 * makes it unique beyond one database (a reset environment re-numbers versions from 1, and
 * delivery keeps the first message of an id).
 */
export function submissionMessageId(version: DatasetVersion): string {
  return `inami-${version.insurer}-${version.year}-v${version.version}-${version.id.slice(0, 8)}`;
}

/**
 * The outbox row handing a frozen version to delivery on rtw.outbound.inami.v1 (ADR 0082): a
 * `be.rtw.partner-message.prepared` whose body is a reference to the version's XML in the
 * payload store, since a national dataset is far above a Kafka record's size. The subject is the
 * version's id (delivery orders messages per subject), the insurer the dataset's.
 */
export function submissionOutboxMessage(
  contracts: ContractRegistry,
  args: { version: DatasetVersion; now: Date },
): OutboxMessage {
  const { version } = args;
  const event = createCloudEvent<PartnerMessagePreparedV1>({
    id: submissionMessageId(version),
    source: HUB_SOURCE,
    type: PREPARED,
    subject: version.id,
    time: args.now.toISOString(),
    dataschema: `urn:rtw:schema:${PREPARED}:v1`,
    insurer: version.insurer,
    data: {
      partner: 'inami',
      organisation: { kind: 'inami', code: 'inami' },
      messageType: 'inami-dataset',
      contract: DATASET_NAMESPACE,
      contentType: 'application/xml',
      bodyRef: { store: INAMI_PAYLOAD_STORE, id: `${version.id}.xml` },
      causationId: version.id,
    },
  });
  const result = contracts.validateEvent(event);
  if (!result.ok) {
    // Our own message breaks its contract: a defect, never the caller's fault.
    throw new Error(`the submission of version ${version.version} breaks its contract`);
  }
  return { topic: TOPICS.outbound.inami, ...toKafkaMessage(event) };
}

/** Refuses to submit a version that is not the dataset's newest frozen one, or not frozen. */
export function checkSubmittable(version: DatasetVersion, newest: number): void {
  if (version.status !== 'frozen') {
    throw new VersionError(
      'VERSION_ALREADY_SUBMITTED',
      `version ${version.version} was already submitted (${version.status})`,
    );
  }
  if (version.version < newest) {
    throw new VersionError(
      'VERSION_SUPERSEDED',
      `version ${version.version} is superseded by version ${newest}: submit the newest`,
    );
  }
}
