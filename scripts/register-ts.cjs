// Development loader: lets Node run the TypeScript sources directly (`node -r ./scripts/register-ts.cjs
// apps/x/src/main.ts`). It transpiles each .ts file with TypeScript's own transpileModule (no type
// check; `npm run typecheck` does that) and maps the `@rtw/<lib>` aliases to `libs/<lib>/src`.
// Node's built-in type stripping cannot be used: Nest needs decorators and their metadata.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const compilerOptions = {
  ...ts.convertCompilerOptionsFromJson(
    require(path.join(root, 'tsconfig.json')).compilerOptions,
    root,
  ).options,
  module: ts.ModuleKind.CommonJS,
  sourceMap: false,
  inlineSourceMap: true,
};

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, parent, ...rest) {
  const match = /^@rtw\/([a-z-]+)$/.exec(request);
  const target = match ? path.join(root, 'libs', match[1], 'src', 'index.ts') : request;
  return originalResolve.call(this, target, parent, ...rest);
};

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
