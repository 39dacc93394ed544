/**
 * Property names come from the sender and could themselves be a NISS or a name: only names that
 * look like field names are echoed in pointers, others are replaced by this token.
 */
export const REDACTED_TOKEN = '(redacted)';

const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;
const INDEX = /^(0|[1-9]\d{0,5})$/;
const DIGIT_RUN = /\d{5,}/;

/** An RFC 6901 pointer to a path, with unsafe tokens redacted. */
export function pointerOf(path: readonly string[]): string {
  return path.map((token) => `/${escapeToken(safeToken(token))}`).join('');
}

function safeToken(token: string): string {
  if (INDEX.test(token)) return token;
  return FIELD_NAME.test(token) && !DIGIT_RUN.test(token) ? token : REDACTED_TOKEN;
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
