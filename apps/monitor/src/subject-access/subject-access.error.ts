import { HubError } from '@rtw/platform';

/** Why a subject access request was refused (API: never rename a code, add one). */
export const SUBJECT_ACCESS_CODES = [
  'PRIVACY_ROLE_REQUIRED',
  'REASON_REQUIRED',
  'NISS_INVALID',
  'DATABASE_UNAVAILABLE',
] as const;

/** One of {@link SUBJECT_ACCESS_CODES}. */
export type SubjectAccessCode = (typeof SUBJECT_ACCESS_CODES)[number];

const RETRIABLE: Record<SubjectAccessCode, boolean> = {
  PRIVACY_ROLE_REQUIRED: false,
  REASON_REQUIRED: false,
  NISS_INVALID: false,
  DATABASE_UNAVAILABLE: true,
};

/** A refused or failed subject access request; the message never holds the NISS. */
export class SubjectAccessError extends HubError<SubjectAccessCode> {
  constructor(args: { code: SubjectAccessCode; message: string; cause?: unknown }) {
    super({ ...args, retriable: RETRIABLE[args.code] });
  }
}
