import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Clock, Logger } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK, HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import { ConsoleAuditService } from '../audit/console-audit.service';
import { ConsoleAuditStore } from '../audit/console-audit.store';
import type { MonitorConfig } from '../config/monitor.config';
import { CALLBACK_PATH } from './auth.controller';
import { BearerTokenVerifier } from './bearer-token.verifier';
import { ConsoleAccessGuard } from './console-access.guard';
import { ConsoleOrigin, PublicUrl } from './console-url';
import { OidcLogin } from './oidc.login';
import { SessionCookies } from './session.cookies';

/** Login, sessions, bearer tokens (ADR 0100), the global access guard and the console's audit log, composed from config. */
export const AUTH_PROVIDERS: Provider[] = [
  {
    provide: PublicUrl,
    inject: [HUB_CONFIG],
    useFactory: (config: MonitorConfig) => new PublicUrl(config.MONITOR_PUBLIC_URL),
  },
  {
    provide: ConsoleOrigin,
    inject: [HUB_CONFIG],
    useFactory: (config: MonitorConfig) =>
      new ConsoleOrigin(new URL(config.MONITOR_PUBLIC_URL).origin),
  },
  {
    provide: OidcLogin,
    inject: [HUB_CONFIG, HUB_LOGGER],
    useFactory: (config: MonitorConfig, logger: Logger) =>
      new OidcLogin({
        issuer: config.MONITOR_OIDC_ISSUER,
        clientId: config.MONITOR_OIDC_CLIENT_ID,
        clientSecret: config.MONITOR_OIDC_CLIENT_SECRET,
        redirectUri: new URL(CALLBACK_PATH, config.MONITOR_PUBLIC_URL).href,
        logger: logger.child({ context: 'OidcLogin' }),
      }),
  },
  {
    provide: BearerTokenVerifier,
    inject: [HUB_CONFIG, OidcLogin, HUB_CLOCK, HUB_LOGGER],
    useFactory: (config: MonitorConfig, login: OidcLogin, clock: Clock, logger: Logger) =>
      new BearerTokenVerifier({
        issuerKeys: () => login.issuerKeys(),
        audience: config.MONITOR_OIDC_AUDIENCE,
        clock,
        logger: logger.child({ context: 'BearerTokenVerifier' }),
      }),
  },
  {
    provide: SessionCookies,
    inject: [HUB_CONFIG],
    useFactory: (config: MonitorConfig) =>
      new SessionCookies({
        secret: config.MONITOR_SESSION_SECRET,
        ttlSeconds: config.MONITOR_SESSION_TTL_S,
        secure: config.MONITOR_COOKIE_SECURE,
      }),
  },
  {
    provide: ConsoleAuditStore,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new ConsoleAuditStore(db.dataSource),
  },
  {
    provide: ConsoleAuditService,
    inject: [ConsoleAuditStore, HUB_CLOCK, HUB_LOGGER],
    useFactory: (store: ConsoleAuditStore, clock: Clock, logger: Logger) =>
      new ConsoleAuditService(store, clock, logger.child({ context: 'ConsoleAudit' })),
  },
  { provide: APP_GUARD, useClass: ConsoleAccessGuard },
];
