import { renderTable, text, type Column } from './table.renderer';

// How each answer of the monitor's API reads as text: the same columns as the console's pages
// (apps/monitor/public/console.js), identity exactly as the API gives it (masked).

type Row = Record<string, unknown>;

const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const field = (name: string) => (row: Row) => row[name];

const MESSAGE_COLUMNS: readonly Column<Row>[] = [
  ['Id', field('id')],
  ['Failed', field('failedAt')],
  ['Partner', field('organisation')],
  ['Type', field('messageType')],
  ['Dossier', field('dossierId')],
  ['Reason', field('reasonCode')],
  ['HTTP', field('lastHttpStatus')],
  ['Attempts', field('attempts')],
  ['Status', field('status')],
];

/** `rtw dossier timeline <id>`: the dossier line, then its events, deadlines and deliveries. */
export function timelineView(answer: Row): string[] {
  const dossier = (answer['dossier'] ?? null) as Row | null;
  const identity = answer['identityShown'] === true ? 'identity shown' : 'identity masked';
  const lines = [`Dossier ${text(answer['dossierId'])} (${identity})`];
  if (dossier)
    lines.push(
      `Insurer ${text(dossier['insurer'])} · ${text(dossier['status'])} · scheme ${text(dossier['scheme'])} · route ${text(dossier['route'])} · opened ${text(dossier['openedAt'])}`,
    );
  const events = [...rowsOf(answer['events'])].sort((a, b) =>
    String(a['at']) < String(b['at']) ? -1 : 1,
  );
  return [
    ...lines,
    '',
    'EVENTS',
    ...renderTable<Row>(
      [
        ['At', field('at')],
        ['Type', field('type')],
        ['From', field('source')],
        ['Verdict', (e) => (e['reasonCode'] ? `refused: ${text(e['reasonCode'])}` : 'accepted')],
        ['Rule', field('message')],
      ],
      events,
    ),
    '',
    'DEADLINES',
    ...renderTable<Row>(
      [
        ['Rule', field('rule')],
        ['Due', field('dueOn')],
        ['Status', field('status')],
        ['Settled by', field('settledBy')],
      ],
      rowsOf(answer['deadlines']),
    ),
    '',
    'DELIVERIES',
    ...renderTable<Row>(
      [
        ['Partner', field('partner')],
        ['Outcome', field('outcome')],
        ['Reason', field('reasonCode')],
        ['Attempts', field('attempts')],
        ['At', field('recordedAt')],
      ],
      rowsOf(answer['deliveries']),
    ),
  ];
}

/** `rtw dlq list`: one line per dead letter, and how to get the next page. */
export function deadLettersView(answer: Row): string[] {
  return [...renderTable(MESSAGE_COLUMNS, rowsOf(answer['items'])), ...nextPage(answer)];
}

/** `rtw dlq show <id>`: the message (metadata only, never the body), its attempts and replays. */
export function deadLetterView(answer: Row): string[] {
  return [
    `Dead letter ${text(answer['id'])}`,
    `${text(answer['messageType'])} to ${text(answer['organisation'])} for dossier ${text(answer['dossierId'])} · ${text(answer['status'])} · ${text(answer['reasonCode'])}: ${text(answer['reasonMessage'])}`,
    `Contract ${text(answer['contract'])} · received ${text(answer['receivedAt'])} · failed ${text(answer['failedAt'])}`,
    'The payload is not shown (masked): its contract and attempts are.',
    '',
    'ATTEMPTS',
    ...renderTable<Row>(
      [
        ['#', field('attempt')],
        ['Round', field('round')],
        ['At', field('startedAt')],
        ['Outcome', field('outcome')],
        ['HTTP', field('httpStatus')],
        ['Error', field('errorCode')],
        ['Latency ms', field('latencyMs')],
      ],
      rowsOf(answer['attemptLog']),
    ),
    '',
    'REPLAYS',
    ...renderTable<Row>(
      [
        ['Replay', field('replayId')],
        ['At', field('requestedAt')],
        ['By', (r) => (r['actor'] as Row | undefined)?.['subject']],
        ['Dry run', (r) => (r['dryRun'] === true ? 'yes' : 'no')],
        ['Verdict', field('verdict')],
        ['Code', field('code')],
        ['Reason', field('reason')],
      ],
      rowsOf(answer['replayHistory']),
    ),
  ];
}

/** `rtw dlq replay`: what was (or, in a dry run, would be) sent, and what was refused and why. */
export function replayView(answer: Row): string[] {
  const dryRun = answer['dryRun'] === true;
  return [
    `${dryRun ? 'Dry run' : 'Replay'} ${text(answer['replayId'])}: ${text(answer['matched'])} matched, ${text(answer['requeued'])} ${dryRun ? 'would be sent' : 'requeued'}, ${text(answer['refused'])} refused${dryRun ? ' (nothing sent)' : ''}`,
    ...renderTable<Row>(
      [
        ['Message', field('messageId')],
        ['Partner', field('organisation')],
        ['Type', field('messageType')],
        ['Contract', field('contract')],
        ['Verdict', field('verdict')],
        ['Code', field('code')],
      ],
      rowsOf(answer['items']),
    ),
  ];
}

/** `rtw deliveries`: partners (circuit, pause, queue), recent messages, failures by reason. */
export function deliveriesView(partners: Row, deliveries: Row): string[] {
  const items = rowsOf(deliveries['items']);
  const byReason = new Map<string, number>();
  for (const item of items)
    if (typeof item['reasonCode'] === 'string')
      byReason.set(item['reasonCode'], (byReason.get(item['reasonCode']) ?? 0) + 1);
  return [
    'PARTNERS',
    ...renderTable<Row>(
      [
        ['Partner', field('id')],
        ['Circuit', field('circuit')],
        ['Paused', (p) => (p['paused'] === true ? 'yes' : 'no')],
        ['In flight', (p) => `${text(p['inFlight'])}/${text(p['concurrency'])}`],
        ['Pending', (p) => (p['queue'] as Row | undefined)?.['pending']],
        ['Dead', (p) => (p['queue'] as Row | undefined)?.['deadLettered']],
        ['Success', (p) => percent((p['window'] as Row | undefined)?.['successRate'])],
        ['p95 ms', (p) => (p['window'] as Row | undefined)?.['p95LatencyMs']],
      ],
      rowsOf(partners['items']),
    ),
    '',
    'RECENT MESSAGES',
    ...renderTable<Row>(
      [
        ['Received', field('receivedAt')],
        ['Partner', field('organisation')],
        ['Type', field('messageType')],
        ['Status', field('status')],
        ['Attempts', field('attempts')],
        ['Reason', field('reasonCode')],
      ],
      items,
    ),
    ...nextPage(deliveries),
    '',
    'FAILURES BY REASON',
    ...renderTable<[string, number]>(
      [
        ['Reason', ([code]) => code],
        ['Messages', ([, count]) => count],
      ],
      [...byReason],
    ),
  ];
}

/** `rtw alerts`: what needs a person now. */
export function alertsView(answer: Row): string[] {
  return [
    `Alerts at ${text(answer['generatedAt'])}`,
    ...renderTable<Row>(
      [
        ['Severity', field('severity')],
        ['Alert', field('rule')],
        ['Subject', field('subject')],
        [
          'Value',
          (a) => (a['value'] === null ? null : `${text(a['value'])} / ${text(a['threshold'])}`),
        ],
        ['Detail', field('summary')],
      ],
      rowsOf(answer['alerts']),
    ),
  ];
}

function nextPage(answer: Row): string[] {
  return typeof answer['nextCursor'] === 'string'
    ? [`more: add --cursor ${answer['nextCursor']}`]
    : [];
}

function percent(value: unknown): string | null {
  return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : null;
}
