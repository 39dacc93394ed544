import type { Organisation } from '../organisations/organisation.types';

/**
 * What support people may do through the hub's support APIs (delivery's replay API, the tracker's
 * timeline): look, operate (replay, pause), or see personal data (the privacy officer).
 */
export const SUPPORT_ROLES = ['viewer', 'operator', 'privacy-officer'] as const;
/** One of {@link SUPPORT_ROLES}. */
export type SupportRole = (typeof SUPPORT_ROLES)[number];

/** The authenticated person acting for a support organisation. */
export interface SupportActor {
  readonly organisation: Organisation;
  /** The token's `sub`: who acts (recorded in audit rows); absent if the token has none. */
  readonly subject?: string;
  readonly roles: ReadonlySet<SupportRole>;
}

/** The known roles of an `rtw_roles` claim (an array, or a space-separated string). */
export function rolesOf(claim: unknown): Set<SupportRole> {
  const listed = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
  const roles = new Set<SupportRole>(
    listed.filter((role): role is SupportRole =>
      (SUPPORT_ROLES as readonly unknown[]).includes(role),
    ),
  );
  // An operator or a privacy officer can also look.
  if (roles.size > 0) roles.add('viewer');
  return roles;
}
