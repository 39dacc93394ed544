import { SUPPORT_API_COMMON_CODES, SUPPORT_API_COMMON_STATUS } from '@rtw/support-api';

/**
 * Every reason code the tracker's API answers with (public API: the monitor and support tools
 * branch on them). Never rename one; add a new one instead.
 */
export const TIMELINE_API_CODES = [
  ...SUPPORT_API_COMMON_CODES,
  // The request itself
  'DOSSIER_ID_INVALID',
  'INVALID_QUERY',
  // Lookups
  'DOSSIER_NOT_FOUND',
] as const;

/** One of {@link TIMELINE_API_CODES}. */
export type TimelineApiCode = (typeof TIMELINE_API_CODES)[number];

/**
 * The HTTP status of every code. A `Record` over the union makes the mapping exhaustive: a new
 * code does not compile until it has a status here.
 */
export const STATUS_BY_CODE: Readonly<Record<TimelineApiCode, number>> = {
  ...SUPPORT_API_COMMON_STATUS,
  DOSSIER_ID_INVALID: 400,
  INVALID_QUERY: 400,
  DOSSIER_NOT_FOUND: 404,
};
