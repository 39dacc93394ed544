// After `tsc -p tsconfig.build.json`, the compiled apps still import `@rtw/<lib>`. Node resolves
// bare names through node_modules folders up the tree, so this links dist/node_modules/@rtw/<lib>
// to the compiled lib. No runtime path-mapping package is needed.
import { mkdirSync, readdirSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scope = join(root, 'dist', 'node_modules', '@rtw');
rmSync(scope, { recursive: true, force: true });
mkdirSync(scope, { recursive: true });
for (const lib of readdirSync(join(root, 'dist', 'libs'))) {
  const target = join(root, 'dist', 'libs', lib, 'src');
  if (!existsSync(join(target, 'index.js'))) continue;
  symlinkSync(relative(scope, target), join(scope, lib), 'dir');
}
