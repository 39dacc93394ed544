import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_APPS } from './hub-apps';

const root = join(__dirname, '..');
const expected = HUB_APPS.map((app) => ({
  name: app.app,
  portKey: app.port.key,
  port: app.port.default,
}));

describe('the list of hub apps (scripts/hub-apps.ts is the source)', () => {
  it('is what the launcher (scripts/lib/apps.mjs) starts, with the same port variables and defaults', () => {
    const launcher = readFileSync(join(root, 'scripts', 'lib', 'apps.mjs'), 'utf8');
    const entries = [
      ...launcher.matchAll(/\{ name: '([a-z-]+)', portKey: '([A-Z_]+)', port: (\d+) \}/g),
    ].map(([, name, portKey, port]) => ({ name, portKey, port: Number(port) }));
    expect(entries).toEqual(expected);
  });

  it("is the README's table of apps, in order, with each app's port", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| ([a-z-]+) +\| (\d+) +\|/gm)].map(([, name, port]) => ({
      name,
      port: Number(port),
    }));
    expect(rows).toEqual(expected.map(({ name, port }) => ({ name, port })));
  });
});
