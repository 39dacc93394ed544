/** Whose figures a request may see: one insurer's, or (null) every insurer's (hub operator). */
export interface RequestScope {
  readonly insurer: string | null;
}

/**
 * The scope of an authenticated request. A stub until the console's login lands: the lead wires
 * it to the session's organisation at merge (an insurer's staff get their insurer code).
 */
export function scopeOf(_request: unknown): RequestScope {
  return { insurer: null };
}
