import { createHash } from 'node:crypto';
import type { ContractRegistry } from '@rtw/contracts';
import { createCloudEvent, notifyTopic, toKafkaMessage } from '@rtw/messaging';
import type { OutboxMessage } from '@rtw/persistence';
import type { DatasetKey, DatasetVersion } from '../versions/dataset-version.types';

/** The hub as a CloudEvents source. */
const HUB_SOURCE = 'urn:rtw:org:hub';
const REASON_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** The reminder's event type (`schemas/canonical/inami-dataset.due.v1.schema.json`). */
export const DATASET_DUE = 'be.rtw.inami-dataset.due';

/** Why a dataset is still due; `undefined` from {@link dueState} means nothing is due. */
export type DueState = 'not-frozen' | 'not-submitted' | 'refused' | 'not-delivered';

/** What the schedule's January draft said (a dry run: counts and hashes, never the files). */
export interface DraftSummary {
  readonly builtAt: string;
  readonly trajectoriesCounted: number;
  readonly findings: number;
  readonly dossiersRead: number;
  readonly files: { readonly xml: { sha256: string }; readonly json: { sha256: string } };
}

/**
 * Whether a dataset is still due, from its versions (oldest first): done once INAMI acknowledged
 * any version; waiting (no reminder) while the newest version is with delivery or INAMI; due
 * otherwise, with the reason the insurer must act on.
 */
export function dueState(versions: readonly DatasetVersion[]): DueState | 'done' | 'waiting' {
  if (versions.some((version) => version.status === 'acknowledged')) return 'done';
  const newest = versions.at(-1);
  if (!newest) return 'not-frozen';
  switch (newest.status) {
    case 'frozen':
      return 'not-submitted';
    case 'submitted':
    case 'delivered':
      return 'waiting';
    case 'refused':
      return 'refused';
    case 'delivery-failed':
      return 'not-delivered';
    case 'acknowledged':
      return 'done';
  }
}

/**
 * The id of a dataset (insurer and year) as a UUID, so it can be the subject and the Kafka key of
 * its reminders like a dossier id: derived (SHA-256, UUID version 5 layout), the same everywhere.
 */
export function datasetSubjectId(key: DatasetKey): string {
  const hex = createHash('sha256').update(`inami-dataset:${key.insurer}:${key.year}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The reminder as an outbox row on the insurer's notification topic (`rtw.notify.<insurer>.v1`).
 * Its id is derived from insurer, year and reminder number, so a relayed copy carries the same id
 * and the insurer's systems can discard it. Checked against its contract before it is written.
 */
export function reminderOutboxMessage(
  contracts: ContractRegistry,
  args: {
    key: DatasetKey;
    reminder: number;
    today: string;
    now: Date;
    state: DueState;
    newest?: DatasetVersion;
    draft?: DraftSummary;
  },
): OutboxMessage {
  const { key, newest, draft } = args;
  const refusalCodes =
    args.state === 'refused'
      ? (newest?.answer?.reasons ?? [])
          .map((reason) => reason.code)
          .filter((code) => REASON_CODE.test(code))
      : [];
  const event = createCloudEvent({
    id: `inami-dataset-due-${key.insurer}-${key.year}-r${args.reminder}`,
    source: HUB_SOURCE,
    type: DATASET_DUE,
    subject: datasetSubjectId(key),
    time: args.now.toISOString(),
    dataschema: `urn:rtw:schema:${DATASET_DUE}:v1`,
    insurer: key.insurer,
    data: {
      year: key.year,
      reminder: args.reminder,
      remindedOn: args.today,
      state: args.state,
      ...(newest ? { newestVersion: newest.version } : {}),
      ...(refusalCodes.length > 0 ? { refusalCodes: refusalCodes.slice(0, 20) } : {}),
      ...(draft
        ? {
            draft: {
              builtAt: draft.builtAt,
              trajectoriesCounted: draft.trajectoriesCounted,
              findings: draft.findings,
            },
          }
        : {}),
    },
  });
  const result = contracts.validateEvent(event);
  if (!result.ok) {
    // Our own event breaks its contract: a defect, never the insurer's doing.
    throw new Error(`the reminder of ${key.insurer}/${key.year} breaks its contract`);
  }
  return { topic: notifyTopic(key.insurer), ...toKafkaMessage(event) };
}
