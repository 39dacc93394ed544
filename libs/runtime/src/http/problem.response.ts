import type { ServerResponse } from 'node:http';
import type { HttpProblem } from './http-problem.codes';

// The code each problem response carried, for whoever reports on the request once it is answered
// (the gateway's access log and metrics). A WeakMap: nothing is added to the response object.
const ANSWERED_CODES = new WeakMap<ServerResponse, string>();

/**
 * Writes a problem response, `{ code, message, pointer? }` as JSON with its status and headers,
 * and remembers its code for {@link problemCodeOf}. Does nothing once headers were sent.
 */
export function sendProblem(
  response: ServerResponse,
  problem: HttpProblem,
  headers: Readonly<Record<string, string>> = {},
): void {
  noteProblemCode(response, problem.code);
  if (response.headersSent) return;
  const body = JSON.stringify(
    problem.pointer === undefined
      ? { code: problem.code, message: problem.message }
      : { code: problem.code, message: problem.message, pointer: problem.pointer },
  );
  response.statusCode = problem.status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}

/** Records the reason code of a refusal answered by other means (a rejected event's 4xx). */
export function noteProblemCode(response: ServerResponse, code: string): void {
  ANSWERED_CODES.set(response, code);
}

/** The reason code a response was answered with, if it was a refusal. */
export function problemCodeOf(response: ServerResponse): string | undefined {
  return ANSWERED_CODES.get(response);
}
