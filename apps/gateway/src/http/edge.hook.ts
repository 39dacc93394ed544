import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { METHODS, type ServerResponse } from 'node:http';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER, problemCodeOf } from '@rtw/runtime';
import type { GatewayRequest } from './gateway.request';
import { gatewayHttpMetrics, type AnsweredRequest } from './http.metrics';
import { securityHeaders } from './security-headers.middleware';

const KNOWN_METHODS = new Set(METHODS);
// Probes and scrapes arrive every few seconds: counted, but logged only at debug level.
const QUIET_ROUTES = /^\/(health|metrics)(\/|$)/;

/**
 * Runs first on every request, before routing (the HTTP adapter's request hook), so that even a
 * request refused by the router (an unknown route, a path that does not decode) gets the security
 * headers, one access log line and its metrics. The line holds the method, the route template
 * (never the raw path or query: they may hold ids), the status, the caller's organisation, the
 * reason code and the duration; nothing personal.
 */
@Injectable()
export class EdgeHook implements OnModuleInit {
  private readonly logger: Logger;
  private readonly metrics = gatewayHttpMetrics();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(HUB_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: 'AccessLog' });
  }

  onModuleInit(): void {
    this.adapterHost.httpAdapter.setOnRequestHook(
      (request: GatewayRequest, response: ServerResponse, done: () => void) => {
        const started = process.hrtime.bigint();
        response.once('close', () => this.report(request, response, started));
        securityHeaders(request, response, done);
      },
    );
  }

  private report(request: GatewayRequest, response: ServerResponse, started: bigint): void {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const answered: AnsweredRequest = {
      method: KNOWN_METHODS.has(request.method ?? '') ? request.method! : 'OTHER',
      route: request.route?.path ?? 'unmatched',
      status: response.writableFinished ? String(response.statusCode) : 'aborted',
      code: problemCodeOf(response),
    };
    this.metrics.observe(answered, durationMs / 1000);
    const line = {
      ...answered,
      organisationId: request.caller?.organisation.id,
      durationMs: Math.round(durationMs * 10) / 10,
    };
    const message = `${answered.method} ${answered.route} ${answered.status}`;
    if (QUIET_ROUTES.test(answered.route)) this.logger.debug(line, message);
    else this.logger.info(line, message);
  }
}
