import { parseArgs } from 'node:util';

/** The first words of `rtw` that belong to the monitor's CLI (scripts/rtw.ts dispatches them). */
export const MONITOR_CLI_COMMANDS = ['login', 'dossier', 'dlq', 'deliveries', 'alerts'] as const;

/** The dead-letter filters of the monitor's API (`GET /v1/dead-letters`, replay by filter). */
const DLQ_FILTERS = ['partner', 'organisation', 'type', 'code', 'from', 'to'] as const;
const DELIVERY_FILTERS = ['partner', 'organisation', 'status'] as const;
const PAGING = ['limit', 'cursor'] as const;

/** The replay body the monitor's `POST /v1/replays` takes. */
export interface ReplayBody {
  readonly ids?: readonly string[];
  readonly filter?: Readonly<Record<string, string>>;
  readonly reason: string;
  readonly dryRun: boolean;
  readonly maxMessages?: number;
}

/** One thing to ask the monitor. */
export type MonitorCommand =
  | { readonly kind: 'login'; readonly issuer?: string }
  | { readonly kind: 'timeline'; readonly dossierId: string }
  | { readonly kind: 'dlq-list'; readonly query: Readonly<Record<string, string>> }
  | { readonly kind: 'dlq-show'; readonly id: string }
  | { readonly kind: 'dlq-replay'; readonly body: ReplayBody }
  | {
      readonly kind: 'deliveries';
      readonly query: Readonly<Record<string, string>>;
      readonly partner?: string;
      readonly organisation?: string;
    }
  | { readonly kind: 'alerts' };

/** Where the monitor is and how to talk to it (besides the token, read by the CLI). */
export interface MonitorCliOptions {
  readonly url?: string;
  readonly tokenFile?: string;
  readonly json: boolean;
}

/** A command line understood, or the words that say what is wrong with it. */
export type ParsedCommandLine =
  | { readonly ok: true; readonly command: MonitorCommand; readonly options: MonitorCliOptions }
  | { readonly ok: false; readonly problem: string };

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

const COMMON: OptionSpec = {
  url: { type: 'string' },
  'token-file': { type: 'string' },
  json: { type: 'boolean' },
};

const strings = (names: readonly string[]): OptionSpec =>
  Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));

/**
 * Reads `rtw dossier|dlq|deliveries|alerts ...` into one command (pure: no I/O, unit-tested).
 * Unknown options, missing ids and a replay without a reason or a selection are refused here, so
 * a typo never widens a listing or a replay; values are checked again by the monitor.
 */
export function parseMonitorCommandLine(argv: readonly string[]): ParsedCommandLine {
  const [word, ...rest] = argv;
  switch (word) {
    case 'login':
      return parsed(rest, strings(['issuer']), (positionals, values) =>
        positionals.length > 0
          ? 'rtw login: takes options only'
          : {
              kind: 'login',
              ...(typeof values['issuer'] === 'string' ? { issuer: values['issuer'] } : {}),
            },
      );
    case 'dossier':
      return parsed(rest, {}, ([sub, id, ...extra]) => {
        if (sub !== 'timeline') return 'rtw dossier: the subcommand is timeline';
        if (!id || extra.length > 0) return 'rtw dossier timeline: give one dossier id';
        return { kind: 'timeline', dossierId: id };
      });
    case 'dlq':
      return dlq(rest);
    case 'deliveries':
      return parsed(rest, strings([...DELIVERY_FILTERS, ...PAGING]), (positionals, values) => {
        if (positionals.length > 0) return 'rtw deliveries: takes options only';
        return {
          kind: 'deliveries',
          query: pick(values, [...DELIVERY_FILTERS, ...PAGING]),
          ...(typeof values['partner'] === 'string' ? { partner: values['partner'] } : {}),
          ...(typeof values['organisation'] === 'string'
            ? { organisation: values['organisation'] }
            : {}),
        };
      });
    case 'alerts':
      return parsed(rest, {}, (positionals) =>
        positionals.length > 0 ? 'rtw alerts: takes no arguments' : { kind: 'alerts' },
      );
    default:
      return { ok: false, problem: `rtw: ${word ?? 'a command'} is not a monitor command` };
  }
}

function dlq(argv: readonly string[]): ParsedCommandLine {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list':
      return parsed(rest, strings([...DLQ_FILTERS, ...PAGING]), (positionals, values) =>
        positionals.length > 0
          ? 'rtw dlq list: filters are options (--partner, --code...)'
          : { kind: 'dlq-list', query: pick(values, [...DLQ_FILTERS, ...PAGING]) },
      );
    case 'show':
      return parsed(rest, {}, ([id, ...extra]) =>
        !id || extra.length > 0
          ? 'rtw dlq show: give one dead-letter id'
          : { kind: 'dlq-show', id },
      );
    case 'replay':
      return parsed(
        rest,
        { ...strings([...DLQ_FILTERS, 'reason', 'max']), 'dry-run': { type: 'boolean' } },
        (ids, values) => replay(ids, values),
      );
    default:
      return { ok: false, problem: 'rtw dlq: the subcommand is list, show or replay' };
  }
}

function replay(
  ids: readonly string[],
  values: Record<string, string | boolean | undefined>,
): MonitorCommand | string {
  const reason = values['reason'];
  if (typeof reason !== 'string' || reason.trim() === '')
    return 'rtw dlq replay: --reason is required (10 to 500 characters, audited)';
  const filter = pick(values, DLQ_FILTERS);
  const filtered = Object.keys(filter).length > 0;
  if (ids.length > 0 === filtered)
    return 'rtw dlq replay: give dead-letter ids or filters (--partner, --code...), not both';
  let maxMessages: number | undefined;
  if (values['max'] !== undefined) {
    maxMessages = Number(values['max']);
    if (!Number.isInteger(maxMessages) || maxMessages < 1)
      return 'rtw dlq replay: --max must be a positive whole number';
  }
  return {
    kind: 'dlq-replay',
    body: {
      ...(filtered ? { filter } : { ids: [...ids] }),
      reason: reason.trim(),
      dryRun: values['dry-run'] === true,
      ...(maxMessages !== undefined ? { maxMessages } : {}),
    },
  };
}

/** Runs node's strict parser with the common options, then the command's own reading. */
function parsed(
  argv: readonly string[],
  own: OptionSpec,
  read: (
    positionals: readonly string[],
    values: Record<string, string | boolean | undefined>,
  ) => MonitorCommand | string,
): ParsedCommandLine {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: { ...COMMON, ...own },
      allowPositionals: true,
      strict: true,
    }) as { values: Record<string, string | boolean | undefined>; positionals: string[] });
  } catch (error) {
    return { ok: false, problem: `rtw: ${(error as Error).message}` };
  }
  const command = read(positionals, values);
  if (typeof command === 'string') return { ok: false, problem: command };
  return {
    ok: true,
    command,
    options: {
      json: values['json'] === true,
      ...(typeof values['url'] === 'string' ? { url: values['url'] } : {}),
      ...(typeof values['token-file'] === 'string' ? { tokenFile: values['token-file'] } : {}),
    },
  };
}

function pick(
  values: Record<string, string | boolean | undefined>,
  names: readonly string[],
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string' && value !== '') picked[name] = value;
  }
  return picked;
}
