import { parseMonitorCommandLine, type ParsedCommandLine } from './monitor-cli.args';

const ID = '0b7f6f0e-0a4c-4c3e-9d55-8d3b0b4d9c1a';
const REASON = 'Actiris is back up, re-send';

function problemOf(parsed: ParsedCommandLine): string | undefined {
  return parsed.ok ? undefined : parsed.problem;
}

describe('the monitor CLI command line', () => {
  it('reads a dossier timeline with the common options', () => {
    expect(
      parseMonitorCommandLine([
        'dossier',
        'timeline',
        ID,
        '--json',
        '--url',
        'https://monitor.example',
        '--token-file',
        '/run/token',
      ]),
    ).toEqual({
      ok: true,
      command: { kind: 'timeline', dossierId: ID },
      options: { json: true, url: 'https://monitor.example', tokenFile: '/run/token' },
    });
  });

  it('passes only the dead-letter filters given, and no empty ones', () => {
    const parsed = parseMonitorCommandLine([
      'dlq',
      'list',
      '--partner',
      'actiris',
      '--code',
      '',
      '--limit',
      '20',
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      command: { kind: 'dlq-list', query: { partner: 'actiris', limit: '20' } },
      options: { json: false },
    });
  });

  it('reads a replay of ids as a real replay unless --dry-run is given', () => {
    expect(parseMonitorCommandLine(['dlq', 'replay', ID, '--reason', REASON])).toMatchObject({
      ok: true,
      command: { kind: 'dlq-replay', body: { ids: [ID], reason: REASON, dryRun: false } },
    });
    expect(
      parseMonitorCommandLine(['dlq', 'replay', ID, '--reason', REASON, '--dry-run', '--max', '5']),
    ).toMatchObject({
      ok: true,
      command: { kind: 'dlq-replay', body: { ids: [ID], dryRun: true, maxMessages: 5 } },
    });
  });

  it('reads a replay by filter', () => {
    expect(
      parseMonitorCommandLine([
        'dlq',
        'replay',
        '--organisation',
        'regional:actiris',
        '--code',
        'HTTP_503',
        '--reason',
        REASON,
      ]),
    ).toMatchObject({
      ok: true,
      command: {
        kind: 'dlq-replay',
        body: { filter: { organisation: 'regional:actiris', code: 'HTTP_503' }, dryRun: false },
      },
    });
  });

  it('refuses a replay without a reason, without a selection, or with both ids and filters', () => {
    expect(problemOf(parseMonitorCommandLine(['dlq', 'replay', ID]))).toContain('--reason');
    expect(problemOf(parseMonitorCommandLine(['dlq', 'replay', '--reason', REASON]))).toContain(
      'ids or filters',
    );
    expect(
      problemOf(
        parseMonitorCommandLine(['dlq', 'replay', ID, '--partner', 'actiris', '--reason', REASON]),
      ),
    ).toContain('not both');
    expect(
      problemOf(parseMonitorCommandLine(['dlq', 'replay', ID, '--reason', REASON, '--max', '0'])),
    ).toContain('--max');
  });

  it('refuses an unknown option rather than ignoring it (a typo must not widen a listing)', () => {
    expect(problemOf(parseMonitorCommandLine(['dlq', 'list', '--partnr', 'actiris']))).toMatch(
      /partnr/,
    );
    expect(problemOf(parseMonitorCommandLine(['alerts', '--verbose']))).toMatch(/verbose/);
  });

  it('says what is missing for wrong subcommands and ids', () => {
    expect(problemOf(parseMonitorCommandLine(['dossier', 'show', ID]))).toContain('timeline');
    expect(problemOf(parseMonitorCommandLine(['dossier', 'timeline']))).toContain('one dossier id');
    expect(problemOf(parseMonitorCommandLine(['dlq', 'show']))).toContain('one dead-letter id');
    expect(problemOf(parseMonitorCommandLine(['dlq', 'purge']))).toContain('list, show or replay');
    expect(problemOf(parseMonitorCommandLine(['alerts', 'now']))).toContain('no arguments');
  });

  it('reads deliveries with a partner, and login with an issuer', () => {
    expect(parseMonitorCommandLine(['deliveries', '--partner', 'actiris'])).toMatchObject({
      ok: true,
      command: { kind: 'deliveries', query: { partner: 'actiris' }, partner: 'actiris' },
    });
    expect(parseMonitorCommandLine(['login', '--issuer', 'https://idp.example'])).toMatchObject({
      ok: true,
      command: { kind: 'login', issuer: 'https://idp.example' },
    });
  });
});
