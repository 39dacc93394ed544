import { ESLint } from 'eslint';
import { join } from 'node:path';

// The module boundaries are an ESLint rule; these cases prove the rule bites.
const eslint = new ESLint({ cwd: join(__dirname, '..') });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '..', filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('module boundaries', () => {
  it('refuse a deep import into another lib', async () => {
    const messages = await restrictedImports(
      'libs/runtime/src/x.ts',
      "import { a } from '@rtw/domain/src/dates/x';\nexport const b = a;\n",
    );
    expect(messages).toEqual([expect.stringContaining('public entry')]);
  });

  it('refuse a relative import across lib folders', async () => {
    const messages = await restrictedImports(
      'libs/runtime/src/x.ts',
      "import { a } from '../../../libs/domain/src/index';\nexport const b = a;\n",
    );
    expect(messages).toEqual([expect.stringContaining('not by a relative path')]);
  });

  it('refuse an import from an app into a lib', async () => {
    const messages = await restrictedImports(
      'libs/messaging/src/x.ts',
      "import { a } from '../../../apps/gateway/src/gateway.app';\nexport const b = a;\n",
    );
    expect(messages).toEqual([expect.stringContaining('never import apps')]);
  });

  it('accept a lib through its public entry', async () => {
    expect(
      await restrictedImports(
        'apps/tracker/src/x.ts',
        "import { a } from '@rtw/domain';\nexport const b = a;\n",
      ),
    ).toEqual([]);
  });
});
