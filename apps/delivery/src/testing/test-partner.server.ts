// FOR TESTS: a partner organisation's HTTP endpoint under the test's control. It verifies every
// request's Standard Webhooks signature, dedupes on the Idempotency-Key like a well-behaved
// receiver, and answers as the test says (accept, fail, reject, throttle, hold).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type WebhookSecret } from '@rtw/webhooks';

/** One request as the partner saw it. */
export interface ReceivedRequest {
  readonly path: string;
  readonly key: string;
  readonly body: string;
  readonly contentType: string;
  readonly signatureValid: boolean;
  readonly at: number;
}

/** How the partner answers one request (decided by the test). */
export type Answer =
  | { readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly hold: Promise<{ status: number }> };

/** Decides the answer to a signed, first-seen or repeated request. */
export type Responder = (request: ReceivedRequest, seenBefore: boolean) => Answer;

/** A running test partner. */
export interface TestPartner {
  readonly baseUrl: string;
  /** Every request, in arrival order. */
  readonly requests: ReceivedRequest[];
  /** Keys accepted (2xx) for the first time, in order: the partner's processed messages. */
  readonly processed: string[];
  /** How many times each key was answered 2xx (a duplicate delivery shows as 2). */
  readonly acceptedPerKey: Map<string, number>;
  /** Replaces how the partner answers (per path prefix, or for all paths with '*'). */
  respond(pathPrefix: string, responder: Responder): void;
  close(): Promise<void>;
}

/** Accepts every well-signed request (200); a repeated key is answered 200 without reprocessing. */
export const accept: Responder = () => ({ status: 200, body: '{"status":"received"}' });

/** Starts the partner on a free loopback port; `secrets` verify each path prefix's requests. */
export async function startTestPartner(
  secrets: Readonly<Record<string, readonly WebhookSecret[]>>,
): Promise<TestPartner> {
  const responders = new Map<string, Responder>();
  const requests: ReceivedRequest[] = [];
  const processed: string[] = [];
  const acceptedPerKey = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = incoming.url ?? '/';
    const prefix = [...Object.keys(secrets)].find((candidate) => path.startsWith(candidate));
    const verdict = verifyWebhook({
      headers: incoming.headers,
      body,
      secrets: prefix ? secrets[prefix]! : [],
    });
    const request: ReceivedRequest = {
      path,
      key: String(incoming.headers['idempotency-key'] ?? ''),
      body: body.toString('utf8'),
      contentType: String(incoming.headers['content-type'] ?? ''),
      signatureValid: verdict.ok && verdict.id === incoming.headers['idempotency-key'],
      at: Date.now(),
    };
    requests.push(request);
    if (!request.signatureValid)
      return answer(outgoing, { status: 401, body: '{"code":"SIGNATURE"}' });
    const responder =
      [...responders.entries()].find(([candidate]) => path.startsWith(candidate))?.[1] ??
      responders.get('*') ??
      accept;
    const seenBefore = acceptedPerKey.has(request.key);
    let decided = responder(request, seenBefore);
    if ('hold' in decided) decided = await decided.hold;
    if (decided.status >= 200 && decided.status < 300) {
      if (!seenBefore) processed.push(request.key);
      acceptedPerKey.set(request.key, (acceptedPerKey.get(request.key) ?? 0) + 1);
    }
    answer(outgoing, decided);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    processed,
    acceptedPerKey,
    respond: (pathPrefix, responder) => void responders.set(pathPrefix, responder),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(
  outgoing: ServerResponse,
  decided: { status: number; retryAfter?: string; body?: string },
): void {
  if (outgoing.headersSent) return;
  outgoing.statusCode = decided.status;
  outgoing.setHeader('content-type', 'application/json');
  if (decided.retryAfter) outgoing.setHeader('retry-after', decided.retryAfter);
  outgoing.end(decided.body ?? '{}');
}
