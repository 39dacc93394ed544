import type { Provider } from '@nestjs/common';
import { resolve } from 'node:path';
import type { Clock, Logger } from '@rtw/platform';
import { InamiDatasetContract, PartnerContracts } from '@rtw/partners';
import { HUB_CLOCK, HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import { loadScripts } from './callbacks/answer.scripts';
import { CallbackCredentials } from './callbacks/callback.credentials';
import { CallbackScheduler } from './callbacks/callback.scheduler';
import { GatewayClient } from './callbacks/gateway.client';
import { ScriptBook } from './callbacks/script.book';
import { optionalFile, type PartnerSandboxConfig } from './config/partner-sandbox.config';
import { DeliveryLedger } from './deliveries/delivery.ledger';
import { MessageReceiver } from './deliveries/message.receiver';
import { FaultControls } from './faults/fault.controls';
import { HeldConnections } from './http/held.connections';
import { preventionServicesOf, sandboxOrganisations } from './organisations/sandbox-organisations';
import { SandboxDirectory } from './organisations/sandbox.directory';
import {
  StandardWebhooksVerifier,
  type DeliverySignatureVerifier,
} from './signatures/delivery-signature.verifier';
import { loadPartnerSecrets } from './signatures/partner-secrets.loader';

/** Injection token of the delivery signing secrets, by organisation id. */
export const PARTNER_SECRETS = Symbol('PARTNER_SECRETS');
/** Injection token of the signature verifier (ADR 0071: where @rtw/webhooks plugs in). */
export const SIGNATURE_VERIFIER = Symbol('SIGNATURE_VERIFIER');

/** The sandbox's parts, built once from the validated configuration. */
export const PARTNER_SANDBOX_PROVIDERS: Provider[] = [
  {
    provide: SandboxDirectory,
    inject: [HUB_CONFIG],
    useFactory: (config: PartnerSandboxConfig) =>
      new SandboxDirectory(
        sandboxOrganisations(
          preventionServicesOf(
            resolve(config.PARTNER_SANDBOX_PREVENTION_SERVICES_FILE),
            'PARTNER_SANDBOX_PREVENTION_SERVICES_FILE',
          ),
        ),
        config.PARTNER_SANDBOX_MAX_MESSAGE_BYTES,
      ),
  },
  {
    provide: PartnerContracts,
    inject: [HUB_CONFIG],
    useFactory: (config: PartnerSandboxConfig) =>
      PartnerContracts.load({ maxDocumentBytes: config.PARTNER_SANDBOX_MAX_MESSAGE_BYTES }),
  },
  { provide: InamiDatasetContract, useFactory: () => InamiDatasetContract.load() },
  {
    provide: PARTNER_SECRETS,
    inject: [HUB_CONFIG, SandboxDirectory, HUB_LOGGER],
    useFactory: (config: PartnerSandboxConfig, directory: SandboxDirectory, logger: Logger) => {
      const secrets = loadPartnerSecrets(
        resolve(config.PARTNER_SANDBOX_SECRETS_DIR),
        directory.organisations,
        'PARTNER_SANDBOX_SECRETS_DIR',
      );
      const without = directory.organisations.filter((o) => !secrets.has(o.id)).map((o) => o.id);
      if (without.length > 0)
        logger.warn(
          { context: 'PartnerSandbox', organisations: without },
          'No delivery signing secret for these organisations: every delivery to them is refused (401)',
        );
      return secrets;
    },
  },
  { provide: SIGNATURE_VERIFIER, useFactory: () => new StandardWebhooksVerifier() },
  { provide: DeliveryLedger, useFactory: () => new DeliveryLedger() },
  {
    provide: FaultControls,
    inject: [HUB_CONFIG],
    useFactory: (config: PartnerSandboxConfig) => new FaultControls(config.PARTNER_SANDBOX_SEED),
  },
  {
    provide: ScriptBook,
    inject: [HUB_CONFIG],
    useFactory: (config: PartnerSandboxConfig) => {
      const file = optionalFile(config.PARTNER_SANDBOX_SCRIPTS_FILE);
      return new ScriptBook(
        file ? loadScripts(resolve(file), 'PARTNER_SANDBOX_SCRIPTS_FILE') : undefined,
      );
    },
  },
  {
    provide: CallbackCredentials,
    inject: [HUB_CONFIG, HUB_LOGGER],
    useFactory: async (config: PartnerSandboxConfig, logger: Logger) => {
      const signingKeys = optionalFile(config.PARTNER_SANDBOX_SIGNING_KEYS_FILE);
      // Development keys never in production, whatever the (default) setting says.
      const devKeys =
        config.NODE_ENV === 'production'
          ? undefined
          : optionalFile(config.PARTNER_SANDBOX_DEV_KEYS_FILE);
      if (devKeys)
        logger.warn(
          { context: 'PartnerSandbox' },
          'Answers of organisations without a signing key use the gateway development keys',
        );
      return CallbackCredentials.load({
        signingKeysFile: signingKeys && resolve(signingKeys),
        devKeysFile: devKeys && resolve(devKeys),
        audience: config.PARTNER_SANDBOX_GATEWAY_AUDIENCE,
      });
    },
  },
  {
    provide: GatewayClient,
    inject: [HUB_CONFIG, CallbackCredentials],
    useFactory: (config: PartnerSandboxConfig, credentials: CallbackCredentials) =>
      new GatewayClient({
        url: config.PARTNER_SANDBOX_GATEWAY_URL,
        credentials,
        attempts: config.PARTNER_SANDBOX_CALLBACK_ATTEMPTS,
      }),
  },
  {
    provide: CallbackScheduler,
    inject: [HUB_CONFIG, PartnerContracts, GatewayClient, ScriptBook, HUB_LOGGER, HUB_CLOCK],
    useFactory: (
      config: PartnerSandboxConfig,
      contracts: PartnerContracts,
      client: GatewayClient,
      scripts: ScriptBook,
      logger: Logger,
      clock: Clock,
    ) =>
      new CallbackScheduler({
        contracts,
        client,
        scripts,
        delayMs: config.PARTNER_SANDBOX_CALLBACK_DELAY_MS,
        enabled: config.PARTNER_SANDBOX_CALLBACKS,
        logger: logger.child({ context: 'PartnerAnswers' }),
        now: () => clock.now(),
      }),
  },
  {
    provide: HeldConnections,
    inject: [HUB_CONFIG],
    useFactory: (config: PartnerSandboxConfig) =>
      new HeldConnections(config.PARTNER_SANDBOX_TIMEOUT_HOLD_MS),
  },
  {
    provide: MessageReceiver,
    inject: [
      HUB_CONFIG,
      PartnerContracts,
      InamiDatasetContract,
      PARTNER_SECRETS,
      SIGNATURE_VERIFIER,
      DeliveryLedger,
      FaultControls,
      CallbackScheduler,
      HUB_CLOCK,
    ],
    useFactory: (
      config: PartnerSandboxConfig,
      contracts: PartnerContracts,
      inamiDataset: InamiDatasetContract,
      secrets: Map<string, string[]>,
      verifier: DeliverySignatureVerifier,
      ledger: DeliveryLedger,
      faults: FaultControls,
      callbacks: CallbackScheduler,
      clock: Clock,
    ) =>
      new MessageReceiver({
        contracts,
        inamiDataset,
        secrets,
        verifier,
        ledger,
        faults,
        callbacks,
        clock,
        maxMessageBytes: config.PARTNER_SANDBOX_MAX_MESSAGE_BYTES,
      }),
  },
];
