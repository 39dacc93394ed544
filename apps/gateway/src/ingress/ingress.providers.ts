import type { Provider } from '@nestjs/common';
import { resolve } from 'node:path';
import { ContractRegistry } from '@rtw/contracts';
import {
  AuditTrail,
  DevKeyAuthenticator,
  EventJudge,
  EventStatusReader,
  OrganisationRegistry,
  PostgresSubmissionStore,
  PostgresTokenReplayGuard,
  PublishAuthoriser,
  RateLimiter,
  RequestAuthenticator,
  SubmissionService,
  TokenAuthenticator,
  loadOrganisations,
  type RelationRegister,
} from '@rtw/ingress';
import type { Logger } from '@rtw/platform';
import { DossierRegisters } from '@rtw/registers';
import { DatabaseConnection, HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import { optionalFile, type GatewayConfig } from '../config/gateway.config';

/** Injection token of the relation register the authoriser asks about partner answers. */
export const RELATION_REGISTER = Symbol('RELATION_REGISTER');

/** The ingress lib's services, built once per process from the validated configuration. */
export const INGRESS_PROVIDERS: Provider[] = [
  { provide: ContractRegistry, useFactory: () => ContractRegistry.load() },
  {
    provide: OrganisationRegistry,
    inject: [HUB_CONFIG],
    useFactory: (config: GatewayConfig) =>
      loadOrganisations({
        file: resolve(config.GATEWAY_ORGANISATIONS_FILE),
        configKey: 'GATEWAY_ORGANISATIONS_FILE',
        production: config.NODE_ENV === 'production',
      }),
  },
  {
    provide: PostgresTokenReplayGuard,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new PostgresTokenReplayGuard(db.dataSource),
  },
  {
    provide: RequestAuthenticator,
    inject: [HUB_CONFIG, OrganisationRegistry, PostgresTokenReplayGuard, HUB_LOGGER],
    useFactory: (
      config: GatewayConfig,
      registry: OrganisationRegistry,
      replays: PostgresTokenReplayGuard,
      logger: Logger,
    ) => {
      const tokens = new TokenAuthenticator(registry, {
        audience: config.GATEWAY_JWT_AUDIENCE,
        clockToleranceSeconds: config.GATEWAY_JWT_CLOCK_TOLERANCE_S,
        maxLifetimeSeconds: config.GATEWAY_JWT_MAX_LIFETIME_S,
      });
      const devFile = optionalFile(config.GATEWAY_DEV_STATIC_KEYS);
      if (devFile)
        logger.warn(
          { context: 'Authentication' },
          'Development keys are enabled: never do this outside a developer machine',
        );
      const devKeys = devFile
        ? DevKeyAuthenticator.fromFile(resolve(devFile), 'GATEWAY_DEV_STATIC_KEYS', registry)
        : undefined;
      return new RequestAuthenticator({ registry, tokens, replays, devKeys });
    },
  },
  {
    provide: DossierRegisters,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new DossierRegisters(db.dataSource),
  },
  // The tracker's relation register (ADR 0028): a partner may answer only while linked.
  { provide: RELATION_REGISTER, useExisting: DossierRegisters },
  {
    provide: SubmissionService,
    inject: [ContractRegistry, RELATION_REGISTER, DatabaseConnection],
    useFactory: (
      contracts: ContractRegistry,
      relations: RelationRegister,
      db: DatabaseConnection,
    ) =>
      new SubmissionService(
        new EventJudge(contracts, new PublishAuthoriser(relations)),
        new PostgresSubmissionStore(db.dataSource),
      ),
  },
  {
    provide: EventStatusReader,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new EventStatusReader(db.dataSource),
  },
  {
    provide: AuditTrail,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new AuditTrail(db.dataSource),
  },
  {
    provide: RateLimiter,
    inject: [HUB_CONFIG],
    useFactory: (config: GatewayConfig) =>
      new RateLimiter({
        perSecond: config.GATEWAY_RATE_LIMIT_PER_SECOND,
        burst: config.GATEWAY_RATE_LIMIT_BURST,
      }),
  },
];
