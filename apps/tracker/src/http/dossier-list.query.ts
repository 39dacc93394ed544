import { isDossierId } from '@rtw/contracts';
import type { DossierListing, ListingPosition } from '../timeline/dossier-list.reader';
import { invalidQuery } from './timeline-api.error';

const PARAMETERS = new Set(['insurer', 'state', 'limit', 'cursor']);
const STATES = new Set(['open', 'closed']);
const INSURER = /^[0-9]{3}$/;
const LIMIT = /^[1-9][0-9]{0,2}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;
const POSITION_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Page size when none is asked, and the largest allowed. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/**
 * `GET /v1/dossiers?insurer=NNN&state=open|closed&limit=1..200&cursor=...`, checked strictly:
 * an unknown or repeated parameter is refused (a typo must not silently list every dossier).
 */
export function parseDossierListing(query: Record<string, unknown>): DossierListing {
  for (const [name, value] of Object.entries(query)) {
    if (!PARAMETERS.has(name)) throw invalidQuery('the parameter', 'is not one this API knows');
    if (typeof value !== 'string') throw invalidQuery(name, 'must be given once');
  }
  const { insurer, state, limit, cursor } = query as Record<string, string | undefined>;
  if (insurer !== undefined && !INSURER.test(insurer))
    throw invalidQuery('insurer', 'must be a 3-digit insurer code');
  if (state !== undefined && !STATES.has(state))
    throw invalidQuery('state', 'must be open or closed');
  if (limit !== undefined && !(LIMIT.test(limit) && Number(limit) <= MAX_LIMIT))
    throw invalidQuery('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
  return {
    ...(insurer !== undefined ? { insurer } : {}),
    ...(state !== undefined ? { status: state } : {}),
    limit: limit === undefined ? DEFAULT_LIMIT : Number(limit),
    ...(cursor !== undefined ? { after: decodeCursor(cursor) } : {}),
  };
}

/** The opaque cursor of the page after a position. */
export function encodeCursor(position: ListingPosition): string {
  return Buffer.from(JSON.stringify([position.openedAt, position.dossierId])).toString('base64url');
}

function decodeCursor(cursor: string): ListingPosition {
  const refused = () => invalidQuery('cursor', 'is not one this API gave');
  if (!CURSOR.test(cursor)) throw refused();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw refused();
  const [openedAt, dossierId] = decoded as unknown[];
  if (
    typeof openedAt !== 'string' ||
    !POSITION_TIME.test(openedAt) ||
    Number.isNaN(Date.parse(openedAt)) ||
    typeof dossierId !== 'string' ||
    !isDossierId(dossierId)
  )
    throw refused();
  return { openedAt, dossierId };
}
