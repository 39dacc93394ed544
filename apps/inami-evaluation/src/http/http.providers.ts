import type { Provider } from '@nestjs/common';
import { resolve } from 'node:path';
import {
  PostgresTokenReplayGuard,
  SupportAuthenticator,
  TokenAuthenticator,
  loadOrganisations,
} from '@rtw/ingress';
import { DatabaseConnection, HUB_CONFIG } from '@rtw/runtime';
import type { InamiEvaluationConfig } from '../config/inami-evaluation.config';

/** The API's authentication, like delivery's (ADR 0061) with the audience of its own. */
export const HTTP_PROVIDERS: Provider[] = [
  {
    provide: TokenAuthenticator,
    inject: [HUB_CONFIG],
    useFactory: (config: InamiEvaluationConfig) =>
      new TokenAuthenticator(
        loadOrganisations({
          file: resolve(config.INAMI_ORGANISATIONS_FILE),
          configKey: 'INAMI_ORGANISATIONS_FILE',
          production: config.NODE_ENV === 'production',
        }),
        {
          audience: config.INAMI_JWT_AUDIENCE,
          clockToleranceSeconds: config.INAMI_JWT_CLOCK_TOLERANCE_S,
          maxLifetimeSeconds: config.INAMI_JWT_MAX_LIFETIME_S,
        },
      ),
  },
  {
    provide: SupportAuthenticator,
    inject: [TokenAuthenticator, DatabaseConnection],
    useFactory: (tokens: TokenAuthenticator, db: DatabaseConnection) =>
      new SupportAuthenticator({
        tokens,
        replays: new PostgresTokenReplayGuard(db.dataSource),
        api: 'INAMI evaluation API',
      }),
  },
];
