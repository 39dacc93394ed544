import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { STATUS_CODES, maxHeaderSize, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Counter, register } from 'prom-client';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '../bootstrap/tokens';
import { httpProblem, type HttpProblem } from './http-problem.codes';

const CLIENT_ERRORS = 'rtw_http_client_errors_total';

// Time a refused connection stays half-open so the client can read the answer while it is still
// sending (closing at once with unread data makes the kernel reset the connection, and the client
// loses the answer); then it is closed for good.
const LINGER_MS = 2_000;

function clientErrors(): Counter<'code'> {
  return (
    (register.getSingleMetric(CLIENT_ERRORS) as Counter<'code'> | undefined) ??
    new Counter({
      name: CLIENT_ERRORS,
      help: 'Requests refused by the HTTP layer before reaching the application, by problem code',
      labelNames: ['code'] as const,
    })
  );
}

/** The problem answered to a request Node's HTTP parser refused (the same statuses Node uses). */
export function problemOfClientError(error: { code?: unknown }, headerLimit: number): HttpProblem {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return httpProblem(
        'HEADERS_TOO_LARGE',
        `the request headers are larger than the limit of ${headerLimit} bytes`,
      );
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return httpProblem('PAYLOAD_TOO_LARGE', 'the chunk extensions are too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return httpProblem('REQUEST_TIMEOUT', 'the request was not received in time');
    default:
      return httpProblem('MALFORMED_REQUEST', 'the request is not valid HTTP/1.1');
  }
}

/**
 * A complete HTTP/1.1 response carrying a problem body, to write on a raw socket. The answer to a
 * HEAD request has the same headers and no body (a body there would be read as a next response).
 */
export function rawProblemResponse(problem: HttpProblem, options: { head?: boolean } = {}): string {
  const body = JSON.stringify({ code: problem.code, message: problem.message });
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    options.head ? '' : body,
  ].join('\r\n');
}

/**
 * Answers what Node's HTTP parser refuses before any request exists (headers over the
 * `maxHeaderSize` limit, a request line or header that is not HTTP, a header timeout) with the
 * hub's problem body and code, instead of Node's bare status line. Counted in
 * `rtw_http_client_errors_total` and logged, since no access log sees these requests.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  const counter = clientErrors();
  // The server's own limit when it was created with one (an option Node keeps but does not type).
  const headerLimit = (server as { maxHeaderSize?: number }).maxHeaderSize ?? maxHeaderSize;
  server.on(
    'clientError',
    (error: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: Duplex) => {
      // A reset connection is gone: there is nobody to answer.
      if (error.code === 'ECONNRESET' || !socket.writable || responseInFlight(socket)) {
        socket.destroy();
        return;
      }
      const problem = problemOfClientError(error, headerLimit);
      counter.inc({ code: problem.code });
      logger.info(
        {
          context: 'HttpClientError',
          status: problem.status,
          code: problem.code,
          cause: error.code,
        },
        'Refused a request the HTTP parser could not read',
      );
      socket.end(rawProblemResponse(problem, { head: isHeadRequest(error) }));
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    },
  );
}

// No request exists yet, so its method is read from the bytes that failed to parse: they start
// with the request line when they are the request's first chunk (the usual case, the whole
// header block arriving at once); otherwise the answer has a body, as for any other method.
function isHeadRequest(error: { rawPacket?: unknown }): boolean {
  return (
    Buffer.isBuffer(error.rawPacket) &&
    error.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD '
  );
}

// Like Node's own handler: with part of a response already written on this connection (pipelined
// requests), writing another would corrupt it; the connection is closed instead.
function responseInFlight(socket: Duplex): boolean {
  const message = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return message?.headersSent === true;
}

/** Installs {@link answerClientErrors} on the process's HTTP server once the app is built. */
@Injectable()
export class ClientErrorResponder implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) answerClientErrors(server, this.logger);
  }
}
