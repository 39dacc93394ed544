import { InamiDatasetContract, PartnerContracts as PartnerDocuments } from '@rtw/partners';
import type { Provider } from '@nestjs/common';
import { resolve } from 'node:path';
import { ContractRegistry } from '@rtw/contracts';
import { DossierRegisters } from '@rtw/registers';
import { DatabaseConnection, HUB_CLOCK, HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import type { Clock, Logger } from '@rtw/platform';
import {
  PostgresTokenReplayGuard,
  SupportAuthenticator,
  TokenAuthenticator,
  loadOrganisations,
} from '@rtw/ingress';
import { OrganisationControls } from './controls/organisation.controls';
import { ReplaySettingsToken } from './http/replay-settings';
import { DeadLettersReader } from './replay/dead-letters.reader';
import { ReplayService } from './replay/replay.service';
import type { DeliveryConfig } from './config/delivery.config';
import { JsonSchemaPartnerContracts } from './contracts/json-schema.partner-contracts';
import { PARTNER_CONTRACTS, type PartnerContracts } from './contracts/partner-contracts.port';
import { xmlContentValidator } from './contracts/xml.partner-contracts';
import { DeliveryGate } from './dispatch/delivery.gate';
import { PartnerClient } from './dispatch/partner.client';
import { ResilienceRegistry } from './dispatch/resilience.registry';
import { loadPartnerDirectory } from './directory/partner-directory.loader';
import { PartnerDirectory } from './directory/partner.directory';
import { PAYLOAD_STORE, type PayloadStore } from './payload/payload-store.port';
import { PostgresPayloadStore } from './payload/postgres.payload-store';
import { DeliveryQueue } from './queue/delivery.queue';

/** Injection token of the registers delivery asks before each send and each replay. */
export const DELIVERY_REGISTERS = Symbol('DELIVERY_REGISTERS');

/** Delivery's framework-free parts, built once per process from the validated configuration. */
export const DELIVERY_PROVIDERS: Provider[] = [
  { provide: ContractRegistry, useFactory: () => ContractRegistry.load() },
  {
    provide: PartnerDirectory,
    inject: [HUB_CONFIG],
    useFactory: (config: DeliveryConfig) =>
      loadPartnerDirectory({
        file: resolve(config.DELIVERY_PARTNERS_FILE),
        configKey: 'DELIVERY_PARTNERS_FILE',
        production: config.NODE_ENV === 'production',
      }),
  },
  {
    provide: PARTNER_CONTRACTS,
    inject: [HUB_CONFIG],
    // JSON bodies against the partner JSON Schemas; XML bodies (FIA, FIF) through @rtw/partners'
    // hardened codec, XSD and content schema (ADR 0060).
    useFactory: async (config: DeliveryConfig) =>
      new JsonSchemaPartnerContracts(
        [resolve(config.DELIVERY_PARTNER_SCHEMAS_DIR)],
        xmlContentValidator(await PartnerDocuments.load(), await InamiDatasetContract.load()),
      ),
  },
  {
    // The INAMI datasets' frozen files (ADR 0082): too large for a Kafka record.
    provide: PAYLOAD_STORE,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new PostgresPayloadStore(db.dataSource),
  },
  {
    provide: DELIVERY_REGISTERS,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new DossierRegisters(db.dataSource),
  },
  {
    provide: DeliveryQueue,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new DeliveryQueue(db.dataSource),
  },
  {
    provide: DeliveryGate,
    inject: [PartnerDirectory, DELIVERY_REGISTERS, PARTNER_CONTRACTS, PAYLOAD_STORE],
    useFactory: (
      directory: PartnerDirectory,
      registers: DossierRegisters,
      contracts: PartnerContracts,
      payloads: PayloadStore,
    ) => new DeliveryGate({ directory, registers, contracts, payloads }),
  },
  {
    provide: PartnerClient,
    inject: [HUB_CONFIG],
    useFactory: (config: DeliveryConfig) =>
      new PartnerClient(config.DELIVERY_RESPONSE_EXCERPT_BYTES),
  },
  {
    provide: ResilienceRegistry,
    inject: [PartnerDirectory, HUB_CONFIG],
    useFactory: (directory: PartnerDirectory, config: DeliveryConfig) =>
      new ResilienceRegistry(directory, undefined, config.DELIVERY_TURNS_PER_PLACE),
  },

  {
    provide: TokenAuthenticator,
    inject: [HUB_CONFIG],
    useFactory: (config: DeliveryConfig) =>
      new TokenAuthenticator(
        loadOrganisations({
          file: resolve(config.DELIVERY_ORGANISATIONS_FILE),
          configKey: 'DELIVERY_ORGANISATIONS_FILE',
          production: config.NODE_ENV === 'production',
        }),
        {
          audience: config.DELIVERY_JWT_AUDIENCE,
          clockToleranceSeconds: config.DELIVERY_JWT_CLOCK_TOLERANCE_S,
          maxLifetimeSeconds: config.DELIVERY_JWT_MAX_LIFETIME_S,
        },
      ),
  },
  {
    provide: SupportAuthenticator,
    inject: [TokenAuthenticator, DatabaseConnection],
    useFactory: (tokens: TokenAuthenticator, db: DatabaseConnection) =>
      new SupportAuthenticator({
        tokens,
        // Operator actions take single-use tokens (the gateway's register of used token ids).
        replays: new PostgresTokenReplayGuard(db.dataSource),
        api: 'delivery API',
      }),
  },
  {
    provide: ReplaySettingsToken,
    inject: [HUB_CONFIG],
    useFactory: (config: DeliveryConfig) => ({ maxMessages: config.DELIVERY_REPLAY_MAX_MESSAGES }),
  },
  {
    provide: DeadLettersReader,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new DeadLettersReader(db.dataSource),
  },
  {
    provide: ReplayService,
    inject: [DatabaseConnection, DeliveryGate, HUB_CLOCK, HUB_LOGGER, HUB_CONFIG],
    useFactory: (
      db: DatabaseConnection,
      gate: DeliveryGate,
      clock: Clock,
      logger: Logger,
      config: DeliveryConfig,
    ) =>
      new ReplayService({
        dataSource: db.dataSource,
        gate,
        clock,
        logger: logger.child({ context: 'ReplayService' }),
        settings: {
          maxMessages: config.DELIVERY_REPLAY_MAX_MESSAGES,
          ratePerSecond: config.DELIVERY_REPLAY_RATE_PER_SECOND,
        },
      }),
  },
  {
    provide: OrganisationControls,
    inject: [DatabaseConnection, PartnerDirectory, ResilienceRegistry, HUB_CLOCK, HUB_CONFIG],
    useFactory: (
      db: DatabaseConnection,
      directory: PartnerDirectory,
      resilience: ResilienceRegistry,
      clock: Clock,
      config: DeliveryConfig,
    ) =>
      new OrganisationControls({
        dataSource: db.dataSource,
        directory,
        resilience,
        clock,
        windowMs: config.DELIVERY_STATS_WINDOW_MS,
      }),
  },
];
