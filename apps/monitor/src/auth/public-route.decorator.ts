import { SetMetadata } from '@nestjs/common';
import type { SupportRole } from '@rtw/ingress';

export const PUBLIC_ROUTE = 'rtw:monitor:public-route';
export const REQUIRED_ROLE = 'rtw:monitor:required-role';
export const HUB_STAFF_ONLY = 'rtw:monitor:hub-staff-only';

/** A route anyone may reach (login, the console's static files): the global guard lets it by. */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The role a route needs beyond being logged in; a refusal is a 403 ROLE_REQUIRED, audited. */
export const RequireRole = (role: SupportRole): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLE, role);

/**
 * A route about every insurer's flows (dead letters, deliveries): the hub operator's staff only,
 * since delivery cannot yet filter by insurer.
 */
export const HubStaffOnly = (): MethodDecorator & ClassDecorator =>
  SetMetadata(HUB_STAFF_ONLY, true);
