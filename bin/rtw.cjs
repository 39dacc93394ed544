#!/usr/bin/env node
// `rtw` command (package bin). Runs the TypeScript sources through the dev loader, so it works in
// a checkout without a build; see libs/contracts/src/cli/main.ts for the commands.
'use strict';
require('../scripts/register-ts.cjs');
const { main } = require('../libs/contracts/src/cli/main.ts');
process.exitCode = main(process.argv.slice(2));
