import type { Provider } from '@nestjs/common';
import { resolve } from 'node:path';
import { ContractRegistry } from '@rtw/contracts';
import { SupportAuthenticator, TokenAuthenticator, loadOrganisations } from '@rtw/ingress';
import type { Clock, Logger } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK, HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import type { TrackerConfig } from '../config/tracker.config';
import { DossierListReader } from './dossier-list.reader';
import { PersonalDataMask } from './personal-data.mask';
import { TimelineReader } from './timeline.reader';
import { TimelineService } from './timeline.service';

/** The timeline API's framework-free parts, built once per process from the configuration. */
export const TIMELINE_PROVIDERS: Provider[] = [
  {
    provide: SupportAuthenticator,
    inject: [HUB_CONFIG],
    useFactory: (config: TrackerConfig) =>
      new SupportAuthenticator({
        tokens: new TokenAuthenticator(
          loadOrganisations({
            file: resolve(config.TRACKER_ORGANISATIONS_FILE),
            configKey: 'TRACKER_ORGANISATIONS_FILE',
            production: config.NODE_ENV === 'production',
          }),
          {
            audience: config.TRACKER_JWT_AUDIENCE,
            clockToleranceSeconds: config.TRACKER_JWT_CLOCK_TOLERANCE_S,
            maxLifetimeSeconds: config.TRACKER_JWT_MAX_LIFETIME_S,
          },
        ),
        api: 'tracker API',
      }),
  },
  {
    provide: PersonalDataMask,
    useFactory: () => PersonalDataMask.fromRegistry(ContractRegistry.load()),
  },
  {
    provide: TimelineService,
    inject: [DatabaseConnection, PersonalDataMask, HUB_CLOCK, HUB_LOGGER],
    useFactory: (db: DatabaseConnection, mask: PersonalDataMask, clock: Clock, logger: Logger) =>
      new TimelineService({
        dataSource: db.dataSource,
        reader: new TimelineReader(),
        mask,
        clock,
        logger: logger.child({ context: 'TimelineService' }),
      }),
  },
  {
    provide: DossierListReader,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new DossierListReader(db.dataSource),
  },
];
