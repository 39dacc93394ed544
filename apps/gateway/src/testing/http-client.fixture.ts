// FOR TESTS ONLY: HTTP at the byte level, for requests fetch() will not send (any method, raw
// percent-encoding, headers over the server's limit, bytes that are not HTTP), and the helpers
// that read what came back (problem bodies, Prometheus samples).
import { request } from 'node:http';
import { connect } from 'node:net';

/** What the server answered. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request with node:http, on its own connection (no keep-alive between unrelated requests). */
export function httpRequest(args: {
  url: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
}): Promise<RawAnswer> {
  const { hostname, port } = new URL(args.url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: hostname,
        port,
        method: args.method,
        path: args.path,
        headers: args.headers,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(args.body);
  });
}

/** Sends raw bytes on a new connection and reads the answer until the server closes it. */
export function sendRaw(url: string, bytes: string | Uint8Array): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      socket.destroy();
      const answer = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = answer.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, text: rest.join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}

/** The value of one Prometheus sample whose labels include `labels`; 0 when there is none. */
export function metricValue(
  exposition: string,
  name: string,
  labels: Record<string, string>,
): number {
  for (const line of exposition.split('\n')) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/i.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map(
      [...match[2]!.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1], label[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value))
      return Number(match[3]);
  }
  return 0;
}
