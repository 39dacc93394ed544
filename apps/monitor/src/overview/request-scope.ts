import type { Request } from 'express';
import { callerScope } from '../auth/console-session.types';

/** Whose figures a request may see: one insurer's, or (null) every insurer's (hub operator). */
export interface RequestScope {
  readonly insurer: string | null;
}

/**
 * The scope of a request the console access guard let through (ADR 0091): an insurer's staff get
 * their insurer's figures only, the hub operator's staff every insurer's.
 */
export function scopeOf(request: unknown): RequestScope {
  return callerScope(request as Request);
}
