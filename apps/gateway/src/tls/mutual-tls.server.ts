import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { RequestListener } from 'node:http';
import { ConfigError, type Logger } from '@rtw/platform';
import { HUB_CONFIG, HUB_LOGGER, answerClientErrors } from '@rtw/runtime';
import { optionalFile, type GatewayConfig } from '../config/gateway.config';

/**
 * A second listener, HTTPS, that asks for a client certificate and serves the same application.
 * The certificate is not checked against a CA here: its SHA-256 fingerprint must be registered
 * to an organisation (pinning, ADR 0022). The TLS handshake proves the client holds its key.
 */
@Injectable()
export class MutualTlsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private server: Server | undefined;
  private readonly credentials: { key: Buffer; cert: Buffer } | undefined;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    if (config.GATEWAY_MTLS_PORT === 0) return;
    const certFile = optionalFile(config.GATEWAY_TLS_CERT_FILE);
    const keyFile = optionalFile(config.GATEWAY_TLS_KEY_FILE);
    try {
      this.credentials = { cert: readFileSync(certFile ?? ''), key: readFileSync(keyFile ?? '') };
    } catch {
      throw new ConfigError([
        {
          key: 'GATEWAY_TLS_CERT_FILE',
          reason:
            'and GATEWAY_TLS_KEY_FILE must name readable PEM files when GATEWAY_MTLS_PORT is set',
        },
      ]);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.credentials) return;
    const listener = this.adapterHost.httpAdapter.getInstance<RequestListener>();
    this.server = createServer(
      { ...this.credentials, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
      listener,
    );
    const server = this.server;
    answerClientErrors(server, this.logger);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.GATEWAY_MTLS_PORT, this.config.HTTP_HOST, () => resolve());
    });
    this.logger.info(
      { context: MutualTlsServer.name, port: this.config.GATEWAY_MTLS_PORT },
      'Mutual TLS listener started',
    );
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
}
