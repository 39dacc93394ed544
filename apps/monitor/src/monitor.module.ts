import { Inject, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HUB_CONFIG } from '@rtw/runtime';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AUTH_PROVIDERS } from './auth/auth.providers';
import type { MonitorConfig } from './config/monitor.config';
import { ConsoleController, ConsoleFiles } from './console/console.controller';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DossiersController } from './dossiers/dossiers.controller';
import { ProblemFilter } from './http/problem.filter';
import { OverviewModule } from './overview/overview.module';
import { securityHeaders } from './http/security-headers';
import { SUPPORT_API_PROVIDERS } from './support-apis/support-apis.providers';

/**
 * Support teams' console (issue 12): login through the organisation's OpenID provider, then
 * dossier timelines, dead letters and replays, deliveries and partner pauses, on the tracker's and
 * delivery's support APIs as the logged-in person (ADR 0090-0093); the overview and alerts sampled
 * in the background (OverviewModule, ADR 0095-0096). Every route is behind the
 * global ConsoleAccessGuard, including those of modules imported next to this one.
 */
@Module({
  imports: [OverviewModule],
  controllers: [
    AuthController,
    ConsoleController,
    DossiersController,
    DeadLettersController,
    DeliveriesController,
    AuditController,
  ],
  providers: [
    ...AUTH_PROVIDERS,
    ...SUPPORT_API_PROVIDERS,
    {
      provide: ConsoleFiles,
      inject: [HUB_CONFIG],
      useFactory: (config: MonitorConfig) => new ConsoleFiles(config.MONITOR_CONSOLE_DIR),
    },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class MonitorModule implements NestModule {
  constructor(@Inject(HUB_CONFIG) private readonly config: MonitorConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    const https = new URL(this.config.MONITOR_PUBLIC_URL).protocol === 'https:';
    consumer.apply(securityHeaders(https)).forRoutes('*');
  }
}
