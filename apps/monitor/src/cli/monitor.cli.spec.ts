import { EXIT } from './monitor-cli.client';
import { monitorCli } from './monitor.cli';
import { replayView, timelineView } from './monitor-cli.views';

const ID = '0b7f6f0e-0a4c-4c3e-9d55-8d3b0b4d9c1a';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await monitorCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Everything here is decided before any request: no network in these tests.
describe('rtw monitor commands, before they call the monitor', () => {
  it('prints the usage with exit 2 for a wrong command line, and 0 for --help', async () => {
    const wrong = await run(['dlq', 'replay', ID]);
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.err).toContain('--reason is required');
    expect(wrong.err).toContain('usage: rtw');
    const help = await run(['dlq', '--help']);
    expect(help).toMatchObject({ code: EXIT.ok, err: '' });
    expect(help.out).toContain('dlq replay');
  });

  it('says how to give a token when there is none (exit 78)', async () => {
    const result = await run(['alerts']);
    expect(result.code).toBe(EXIT.config);
    expect(result.err).toBe(
      'rtw alerts: no access token: set RTW_MONITOR_TOKEN or RTW_MONITOR_TOKEN_FILE, or give --token-file',
    );
  });

  it('names an unreadable token file and its error code, not a stack trace (exit 78)', async () => {
    const result = await run(['alerts', '--token-file', '/nonexistent/rtw-token'], {
      RTW_MONITOR_TOKEN: 'ignored-when-a-file-is-named',
    });
    expect(result.code).toBe(EXIT.config);
    expect(result.err).toBe(
      'rtw alerts: cannot read the token file /nonexistent/rtw-token (ENOENT)',
    );
  });

  it('refuses to send a token over plain http beyond this machine (exit 78)', async () => {
    const result = await run(['alerts', '--url', 'http://monitor.example'], {
      RTW_MONITOR_TOKEN: 'a-token',
    });
    expect(result.code).toBe(EXIT.config);
    expect(result.err).toContain('refusing to send a token over plain http to monitor.example');
  });
});

describe('rtw monitor views', () => {
  it('says a dry run sent nothing, with each message and its verdict', () => {
    const lines = replayView({
      replayId: 'r-1',
      dryRun: true,
      matched: 2,
      requeued: 1,
      refused: 1,
      items: [
        { messageId: 'm-1', organisation: 'regional:actiris', verdict: 'would-requeue' },
        {
          messageId: 'm-2',
          organisation: 'regional:actiris',
          verdict: 'refused',
          code: 'CONSENT_ENDED',
        },
      ],
    });
    expect(lines[0]).toBe('Dry run r-1: 2 matched, 1 would be sent, 1 refused (nothing sent)');
    expect(lines[2]).toMatch(/^m-1\s+regional:actiris\s+-\s+-\s+would-requeue\s+-$/);
    expect(lines[3]).toMatch(/refused\s+CONSENT_ENDED$/);
  });

  it('shows a timeline as masked, events in time order, and refusals with their rule', () => {
    const lines = timelineView({
      dossierId: ID,
      identityShown: false,
      dossier: { insurer: '100', status: 'open' },
      events: [
        { at: '2026-11-02T10:00:00Z', type: 'b', reasonCode: 'RULE_X', message: 'not now' },
        { at: '2026-11-01T10:00:00Z', type: 'a' },
      ],
    });
    expect(lines[0]).toBe(`Dossier ${ID} (identity masked)`);
    const events = lines.slice(lines.indexOf('EVENTS') + 2, lines.indexOf('EVENTS') + 4);
    expect(events[0]).toMatch(/^2026-11-01T10:00:00Z\s+a\s+-\s+accepted/);
    expect(events[1]).toMatch(/refused: RULE_X\s+not now$/);
  });
});
