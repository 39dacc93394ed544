import { DomainError } from '../errors/domain.error';

/** Thrown when date arithmetic receives something that is not a real `YYYY-MM-DD` date. */
export class InvalidDateError extends DomainError {
  constructor(what: string) {
    // The value itself stays out of the message: a date next to a dossier can be a birth date.
    super({ code: 'INVALID_DATE', message: `${what} is not a real YYYY-MM-DD date` });
  }
}
