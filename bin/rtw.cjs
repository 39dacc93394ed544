#!/usr/bin/env node
// `rtw` command (package bin). Runs the TypeScript sources through the dev loader, so it works in
// a checkout without a build; see scripts/rtw.ts and libs/contracts/src/cli/main.ts for the commands.
'use strict';
require('../scripts/register-ts.cjs');
const { rtw } = require('../scripts/rtw.ts');
process.exitCode = rtw(process.argv.slice(2));
