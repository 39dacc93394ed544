import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateNiss } from '@rtw/testing';
import { locateRepoRoot } from '../registry/schema-files.loader';
import { exampleEvent, setAt } from '../testing/example-events.fixture';

const root = locateRepoRoot();

/**
 * Runs the CLI the way `npm run rtw --` does: Node with the dev loader on the TypeScript entry,
 * which composes this CLI with the hub's topic catalogue (scripts/rtw.ts).
 */
function rtw(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['-r', './scripts/register-ts.cjs', 'scripts/rtw.ts', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempEvent(name: string, event: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rtw-cli-')), name);
  fs.writeFileSync(file, JSON.stringify(event));
  return file;
}

// Each test spawns Node with the TypeScript loader (about a second each on an idle machine).
jest.setTimeout(60_000);

describe('rtw CLI', () => {
  it('exits 0 when every file is a valid canonical event', () => {
    const result = rtw('validate', 'schemas/examples/valid');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'schemas/examples/valid/dossier.opened.v1.json: valid be.rtw.dossier.opened v1',
    );
    expect(result.stdout).toMatch(/all valid \(\d+ files\)/);
  });

  it('exits 1 and prints each error with the file name and the JSON pointer', () => {
    const good = tempEvent('good.json', exampleEvent('contact.held'));
    const niss = generateNiss();
    const wrong = `${niss.slice(0, 9)}${String((Number(niss.slice(9)) + 1) % 100).padStart(2, '0')}`;
    const bad = tempEvent(
      'bad.json',
      setAt(exampleEvent('dossier.opened'), '/data/insured/niss', wrong),
    );
    const result = rtw('validate', good, bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${bad}: /data/insured/niss NISS_INVALID must be a NISS or BIS number`,
    );
    expect(result.stdout).not.toContain(wrong);
    expect(result.stdout).toContain('1 invalid (2 files)');
  });

  it('honours --max-bytes and reports unreadable files as invalid', () => {
    const file = tempEvent('event.json', exampleEvent('contact.held'));
    expect(rtw('validate', '--max-bytes', '100', file).stdout).toContain(
      `${file}: / EVENT_TOO_LARGE`,
    );
    expect(rtw('validate', path.join(os.tmpdir(), 'no-such-event.json')).status).toBe(1);
  });

  it('lists contracts and their versions', () => {
    const result = rtw('schemas');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^be\.rtw\.dossier\.opened +v1 +Dossier opened$/m);
  });

  it('prints usage and exits 2 without a command, with an unknown command or bad arguments', () => {
    const none = rtw();
    expect([none.status, none.stderr]).toEqual([
      2,
      expect.stringContaining('usage: rtw <command>'),
    ]);
    const unknown = rtw('frobnicate');
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      expect.stringContaining('rtw: unknown command frobnicate'),
    ]);
    const badOption = rtw('validate', '--max-bytes', 'lots', 'x.json');
    expect([badOption.status, badOption.stderr]).toEqual([
      2,
      expect.stringContaining('--max-bytes needs a positive integer'),
    ]);
  });

  it('fails the compatibility gate on a breaking fixture with one line per change', () => {
    const broken = path.join(__dirname, '..', 'compatibility', '__fixtures__', 'broken');
    const result = rtw('compat', '--schemas-dir', broken);
    expect(result.status).toBe(1);
    expect(
      result.stdout.split('\n').filter((line) => line.startsWith('be.rtw.widget.changed v2 vs v1')),
    ).toHaveLength(5);
    expect(rtw('compat').status).toBe(0);
  });

  it('compares edited files with a published schemas folder and lists deliberate tightenings', () => {
    const repoSchemas = path.join(__dirname, '..', '..', '..', '..', 'schemas');
    const result = rtw('compat', '--published', repoSchemas);
    expect(result.stdout).toContain('and their published versions');
    expect(result.status).toBe(0);
    expect(rtw('compat', '--published').status).toBe(2);
  });

  it('confirms the generated types and docs are up to date', () => {
    const result = rtw('generate', 'all', '--check');
    expect(result.stdout).toContain('generated files are up to date');
    expect(result.status).toBe(0);
  });
});
