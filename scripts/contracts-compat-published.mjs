// `npm run contracts:compat:published -- <git-ref>`: runs the compatibility gate with the schemas
// folder of <git-ref> (the last release tag, or the branch a change goes into) as the published
// baseline, so an edit of a published contract file is checked too (ADR 0011, ADR 0046).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ref = process.argv[2];
if (!ref) {
  console.error('usage: npm run contracts:compat:published -- <git-ref>');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'rtw-published-schemas-'));
try {
  const archive = execFileSync('git', ['archive', '--format=tar', ref, 'schemas'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const require = createRequire(import.meta.url);
  require('./register-ts.cjs');
  const { main } = require('../libs/contracts/src/cli/main.ts');
  process.exitCode = main(['compat', '--published', join(dir, 'schemas')]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
