// `rtw login | dossier timeline | dlq list|show|replay | deliveries | alerts` (issue 12, ADR
// 0100): the support console's API from a terminal, with the person's own access token from the
// identity provider the console trusts. Tables by default, the API's JSON with --json.
import { readFileSync } from 'node:fs';
import {
  MONITOR_CLI_COMMANDS,
  parseMonitorCommandLine,
  type MonitorCliOptions,
  type MonitorCommand,
} from './monitor-cli.args';
import { EXIT, MonitorCliFailure, MonitorClient } from './monitor-cli.client';
import { login } from './monitor-login.command';
import {
  alertsView,
  deadLetterView,
  deadLettersView,
  deliveriesView,
  replayView,
  timelineView,
} from './monitor-cli.views';

export { MONITOR_CLI_COMMANDS };

/** The monitor `hub:start` runs; RTW_MONITOR_URL or --url elsewhere. */
const DEFAULT_URL = 'http://127.0.0.1:3003';

export const MONITOR_USAGE = `usage: rtw <command> [--url <monitor>] [--token-file <file>] [--json]
  login [--issuer <url>]                           log in at your identity provider (device code);
                                                   writes the token to the token file, else stdout
  dossier timeline <dossier-id>                    a dossier's story (identity masked)
  dlq list [--partner P] [--organisation O] [--type T] [--code C] [--from ISO] [--to ISO]
           [--limit N] [--cursor C]                 dead letters, newest first
  dlq show <dead-letter-id>                        one dead letter: reason, attempts, replays
  dlq replay <id>... | --partner P [--code C ...]  replay (operator role), audited
           --reason "<10 to 500 characters>" [--dry-run] [--max N]
  deliveries [--partner P] [--organisation O] [--status S] [--limit N]
                                                   partners, recent messages, failures by reason
  alerts                                           what needs a person now
The monitor: --url, else RTW_MONITOR_URL, else ${DEFAULT_URL}.
The identity provider: --issuer, else RTW_OIDC_ISSUER, else http://127.0.0.1:3005.
The token (an access token of your identity provider for urn:rtw:hub:monitor): --token-file,
else RTW_MONITOR_TOKEN_FILE, else RTW_MONITOR_TOKEN.
Exit: 0 done, 1 refused, 2 usage, 3 not authenticated, 4 not allowed, 5 not found,
69 monitor unavailable, 78 no token or bad URL.`;

/** Where the CLI writes and what it reads; the process's own unless a test gives its own. */
export interface MonitorCliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

/** Runs one monitor command; resolves to its exit code (see {@link EXIT}), never throws. */
export async function monitorCli(argv: readonly string[], io: MonitorCliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(MONITOR_USAGE);
    return EXIT.ok;
  }
  const parsed = parseMonitorCommandLine(argv);
  if (!parsed.ok) {
    io.err(parsed.problem);
    io.err(MONITOR_USAGE);
    return EXIT.usage;
  }
  try {
    if (parsed.command.kind === 'login') {
      await login({ ...parsed.command, ...parsed.options }, io);
      return EXIT.ok;
    }
    const client = new MonitorClient({
      baseUrl: monitorUrl(parsed.options, io.env),
      token: tokenOf(parsed.options, io.env),
    });
    const lines = await run(parsed.command, client, parsed.options.json);
    for (const line of lines) io.out(line);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof MonitorCliFailure)) {
      // A bug of ours: say so in one line, without the stack (it may hold the token's text).
      io.err(`rtw ${argv[0]}: unexpected failure (${(error as Error).name})`);
      return EXIT.refused;
    }
    io.err(`rtw ${argv[0]}: ${error.message}`);
    return error.exitCode;
  }
}

async function run(
  command: Exclude<MonitorCommand, { kind: 'login' }>,
  client: MonitorClient,
  json: boolean,
): Promise<string[]> {
  const show = <T extends Record<string, unknown>>(answer: T, view: (answer: T) => string[]) =>
    json ? [JSON.stringify(answer, null, 2)] : view(answer);
  type Answer = Record<string, unknown>;
  switch (command.kind) {
    case 'timeline':
      return show(
        await client.get<Answer>(`/v1/dossiers/${encodeURIComponent(command.dossierId)}/timeline`),
        timelineView,
      );
    case 'dlq-list':
      return show(
        await client.get<Answer>(`/v1/dead-letters${search(command.query)}`),
        deadLettersView,
      );
    case 'dlq-show':
      return show(
        await client.get<Answer>(`/v1/dead-letters/${encodeURIComponent(command.id)}`),
        deadLetterView,
      );
    case 'dlq-replay':
      return show(await client.post<Answer>('/v1/replays', command.body), replayView);
    case 'deliveries': {
      const [partners, deliveries] = await Promise.all([
        client.get<Answer>('/v1/partners'),
        client.get<Answer>(`/v1/deliveries${search(command.query)}`),
      ]);
      const wanted = (partner: Answer) =>
        (command.partner === undefined || partner['partner'] === command.partner) &&
        (command.organisation === undefined || partner['id'] === command.organisation);
      const scoped = {
        ...partners,
        items: Array.isArray(partners['items'])
          ? (partners['items'] as Answer[]).filter(wanted)
          : [],
      };
      return json
        ? [JSON.stringify({ partners: scoped, deliveries }, null, 2)]
        : deliveriesView(scoped, deliveries);
    }
    case 'alerts':
      return show(await client.get<Answer>('/v1/alerts'), alertsView);
  }
}

function search(query: Readonly<Record<string, string>>): string {
  const text = new URLSearchParams(query).toString();
  return text === '' ? '' : `?${text}`;
}

/** The monitor's base URL; a token is never sent over plain http beyond this machine. */
function monitorUrl(options: MonitorCliOptions, env: NodeJS.ProcessEnv): string {
  const raw = options.url ?? (env['RTW_MONITOR_URL'] || DEFAULT_URL);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MonitorCliFailure(EXIT.config, `the monitor URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new MonitorCliFailure(EXIT.config, 'the monitor URL must be http(s)');
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new MonitorCliFailure(
      EXIT.config,
      `refusing to send a token over plain http to ${url.host}; use https`,
    );
  return url.href;
}

function tokenOf(options: MonitorCliOptions, env: NodeJS.ProcessEnv): string {
  const file = options.tokenFile ?? (env['RTW_MONITOR_TOKEN_FILE'] || undefined);
  let token: string | undefined = env['RTW_MONITOR_TOKEN'];
  if (file !== undefined) {
    try {
      token = readFileSync(file, 'utf8');
    } catch (error) {
      throw new MonitorCliFailure(
        EXIT.config,
        `cannot read the token file ${file} (${(error as { code?: string }).code ?? 'unreadable'})`,
      );
    }
  }
  token = token?.trim();
  if (!token)
    throw new MonitorCliFailure(
      EXIT.config,
      'no access token: set RTW_MONITOR_TOKEN or RTW_MONITOR_TOKEN_FILE, or give --token-file',
    );
  return token;
}
