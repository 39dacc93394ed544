import { HubError } from '@rtw/platform';

/** Thrown when date arithmetic receives something that is not a real `YYYY-MM-DD` date. */
export class InvalidDateError extends HubError {
  constructor(what: string) {
    // The value itself stays out of the message: a date next to a dossier can be a birth date.
    super({ code: 'INVALID_DATE', message: `${what} is not a real YYYY-MM-DD date` });
  }
}
