import { HubError } from '@rtw/platform';

/** Codes of the domain core's errors: input a pure function cannot work with. */
export const DOMAIN_ERROR_CODES = ['INVALID_DATE'] as const;

/** One of {@link DOMAIN_ERROR_CODES}. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** An error of the domain core. Never retriable: a pure function fails the same way every time. */
export class DomainError extends HubError<DomainErrorCode> {
  constructor(args: { code: DomainErrorCode; message: string }) {
    super({ ...args, retriable: false });
  }
}
