/** Exit codes of the monitor's CLI commands (printed by `rtw dlq --help` and in the README). */
export const EXIT = {
  ok: 0,
  /** The monitor refused the request (400, 409...): its code and words are printed. */
  refused: 1,
  usage: 2,
  /** 401: no valid token (missing, expired, for another audience). */
  unauthenticated: 3,
  /** 403: the token's person lacks the role or the scope. */
  forbidden: 4,
  /** 404: no such dossier, dead letter or route. */
  notFound: 5,
  /** The monitor or what it sits on is unreachable or failing (network, 5xx); EX_UNAVAILABLE. */
  unavailable: 69,
  /** No token, an unreadable token file or an unusable URL; EX_CONFIG. */
  config: 78,
} as const;

/** A failure the CLI prints as one line and turns into its exit code; never a stack trace. */
export class MonitorCliFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** How long the CLI waits for the monitor (which itself waits at most 5 s per support API). */
const TIMEOUT_MS = 30_000;

/**
 * The monitor's JSON API with a bearer access token (ADR 0100), on Node's `fetch`. A refusal
 * becomes a {@link MonitorCliFailure} saying the status, the monitor's reason code, its words (which
 * never hold personal data) and, when the tracker or delivery refused, whose code it is.
 */
export class MonitorClient {
  private readonly base: URL;
  private readonly token: string;

  constructor(options: { baseUrl: string; token: string }) {
    this.base = new URL(options.baseUrl);
    this.token = options.token;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new MonitorCliFailure(EXIT.unavailable, unreachable(this.base, error));
    }
    const answer = (await response.json().catch(() => undefined)) as unknown;
    if (response.ok) {
      if (answer === undefined)
        throw new MonitorCliFailure(
          EXIT.unavailable,
          `${this.base.origin} answered ${response.status} without JSON: is it the monitor?`,
        );
      return answer as T;
    }
    throw new MonitorCliFailure(exitOf(response.status), refusal(response.status, answer));
  }
}

function exitOf(status: number): number {
  if (status === 401) return EXIT.unauthenticated;
  if (status === 403) return EXIT.forbidden;
  if (status === 404) return EXIT.notFound;
  if (status >= 500) return EXIT.unavailable;
  return EXIT.refused;
}

function refusal(status: number, answer: unknown): string {
  const problem = (answer ?? {}) as {
    code?: unknown;
    message?: unknown;
    upstream?: { service?: unknown; code?: unknown };
  };
  const code = typeof problem.code === 'string' ? problem.code : 'NO_PROBLEM_BODY';
  const words =
    typeof problem.message === 'string' ? problem.message : 'the monitor gave no explanation';
  const upstream =
    typeof problem.upstream?.service === 'string' && typeof problem.upstream.code === 'string'
      ? ` (${problem.upstream.service} says ${problem.upstream.code})`
      : '';
  const hint =
    status === 401
      ? '; get a new access token (RTW_MONITOR_TOKEN, RTW_MONITOR_TOKEN_FILE or --token-file)'
      : '';
  return `${status} ${code}: ${words}${upstream}${hint}`;
}

/** Why fetch failed, in words: the cause's code (ECONNREFUSED, ENOTFOUND) or a timeout. */
function unreachable(base: URL, error: unknown): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError')
    return `the monitor at ${base.origin} did not answer within ${TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: string } }).cause;
  return `cannot reach the monitor at ${base.origin}${cause?.code ? ` (${cause.code})` : ''}`;
}
