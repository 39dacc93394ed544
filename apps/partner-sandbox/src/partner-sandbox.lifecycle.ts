import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import { InamiDatasetContract, PartnerContracts } from '@rtw/partners';
import { HUB_LOGGER } from '@rtw/runtime';
import { CallbackCredentials } from './callbacks/callback.credentials';
import { CallbackScheduler } from './callbacks/callback.scheduler';
import { HeldConnections } from './http/held.connections';
import { SandboxDirectory } from './organisations/sandbox.directory';

/**
 * Says at start which organisations the sandbox plays and how their answers authenticate; at
 * shutdown stops the scripted answers and drops held connections before the HTTP server closes,
 * then frees the compiled XSDs.
 */
@Injectable()
export class PartnerSandboxLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly directory: SandboxDirectory,
    private readonly credentials: CallbackCredentials,
    private readonly callbacks: CallbackScheduler,
    private readonly held: HeldConnections,
    private readonly contracts: PartnerContracts,
    private readonly inamiDataset: InamiDatasetContract,
    @Inject(HUB_LOGGER) logger: Logger,
  ) {
    logger.info(
      {
        context: 'PartnerSandbox',
        organisations: this.directory.organisations.map((organisation) => ({
          id: organisation.id,
          path: organisation.path,
          answers:
            organisation.partner === 'inami' ? 'none' : credentials.methodOf(organisation.id),
        })),
      },
      `Playing ${this.directory.organisations.length} partner organisations`,
    );
  }

  // Before the HTTP server closes: it waits for open requests, and a held one never ends.
  async beforeApplicationShutdown(): Promise<void> {
    await this.callbacks.close();
    this.held.closeAll();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.contracts.dispose();
    this.inamiDataset.dispose();
  }
}
