import type { CloudEvent } from '@rtw/messaging';
import { ConnectorError } from '../errors/connector.error';

const SCHEMA_ID = /^urn:rtw:schema:(.+):v([1-9][0-9]{0,3})$/;

/**
 * The contract version of an accepted event, checked against the versions the caller can read.
 * A version it does not know is refused rather than guessed at: a renamed field read as absent
 * would build a wrong message (dead-lettered, then replayed once the connector reads it).
 */
export function readableVersion(event: CloudEvent, readable: readonly number[]): number {
  const match = SCHEMA_ID.exec(event.dataschema ?? '');
  const version = match && match[1] === event.type ? Number(match[2]) : undefined;
  if (version === undefined || !readable.includes(version)) {
    throw new ConnectorError({
      code: 'CONNECTOR_EVENT_VERSION_UNSUPPORTED',
      message: `${event.type} event ${event.id} names a contract version this connector cannot read`,
      details: { type: event.type, readable },
    });
  }
  return version;
}
