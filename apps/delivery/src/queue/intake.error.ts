import { HubError } from '@rtw/platform';

/** Why a record on an outbound topic cannot become a partner message (it goes to `<topic>.dlq`). */
export type IntakeErrorCode =
  | 'MESSAGE_CONTRACT_INVALID'
  | 'MESSAGE_TYPE_UNEXPECTED'
  | 'MESSAGE_SOURCE_NOT_HUB'
  | 'MESSAGE_ID_INVALID'
  | 'PARTNER_MISMATCH'
  | 'ORGANISATION_MISMATCH'
  | 'TOPIC_UNKNOWN';

/** A record that can never be delivered as it is: dead-lettered at once, never retried. */
export class IntakeError extends HubError {
  declare readonly code: IntakeErrorCode;

  constructor(code: IntakeErrorCode, message: string) {
    super({ code, message, retriable: false });
  }
}
