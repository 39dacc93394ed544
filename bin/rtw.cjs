#!/usr/bin/env node
// `rtw` command (package bin). Runs the TypeScript sources through the dev loader, so it works in
// a checkout without a build; see scripts/rtw.ts and libs/contracts/src/cli/main.ts for the commands.
'use strict';
require('../scripts/register-ts.cjs');
const { main } = require('../scripts/rtw.ts');
void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
