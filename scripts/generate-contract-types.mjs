// Generates libs/contract-types/src/generated/ from schemas/canonical (`npm run contracts:generate`);
// with --check it writes nothing and exits 1 when the committed files differ from the schemas.
// The generator itself is TypeScript in libs/contracts/src/codegen, loaded through the dev loader.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { rtw } = require('./rtw.ts');
process.exitCode = rtw(['generate', 'types', ...process.argv.slice(2)]);
