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

  it('refuse an import from an app into a lib spec too', async () => {
    const messages = await restrictedImports(
      'libs/messaging/src/x.spec.ts',
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

describe('layer order of the libs (ADR 0040)', () => {
  const importing = (from: string, what: string) =>
    restrictedImports(from, `import { a } from '${what}';\nexport const b = a;\n`);

  it.each([
    ['libs/platform/src/x.ts', '@rtw/domain'],
    ['libs/domain/src/x.ts', '@rtw/contracts'],
    ['libs/contracts/src/asyncapi/x.ts', '@rtw/messaging'],
    ['libs/messaging/src/x.ts', '@rtw/persistence'],
    ['libs/persistence/src/x.ts', '@rtw/runtime'],
    ['libs/runtime/src/x.ts', '@rtw/ingress'],
    ['libs/ingress/src/x.ts', '@rtw/runtime'],
    ['libs/testing/src/x.ts', '@rtw/ingress'],
    ['libs/contracts/src/x.spec.ts', '@rtw/messaging'],
  ])('refuse %s importing %s (a lower or sibling lib reaching up)', async (file, target) => {
    expect(await importing(file, target)).toEqual([expect.stringContaining('Layer order')]);
  });

  it.each([
    ['libs/domain/src/x.ts', '@rtw/platform'],
    ['libs/contracts/src/x.ts', '@rtw/domain'],
    ['libs/messaging/src/x.ts', '@rtw/contracts'],
    ['libs/persistence/src/x.ts', '@rtw/messaging'],
    ['libs/runtime/src/x.ts', '@rtw/persistence'],
    ['libs/ingress/src/x.ts', '@rtw/persistence'],
    ['libs/testing/src/x.ts', '@rtw/runtime'],
    ['apps/gateway/src/x.ts', '@rtw/ingress'],
  ])('accept %s importing %s (a lib below it)', async (file, target) => {
    expect(await importing(file, target)).toEqual([]);
  });

  it('keep the test helpers out of production code, in libs and apps, but not out of tests', async () => {
    expect(await importing('libs/messaging/src/x.ts', '@rtw/testing')).toEqual([
      expect.stringContaining('test code only'),
    ]);
    expect(await importing('apps/tracker/src/x.ts', '@rtw/testing')).toEqual([
      expect.stringContaining('test code only'),
    ]);
    expect(await importing('libs/platform/src/x.spec.ts', '@rtw/testing')).toEqual([]);
    expect(await importing('libs/domain/src/trajectory/testing/x.ts', '@rtw/testing')).toEqual([]);
  });

  it.each([
    ['libs/domain/src/x.ts', 'kafkajs'],
    ['libs/contracts/src/x.ts', 'typeorm'],
    ['libs/platform/src/x.ts', 'pg'],
    ['libs/messaging/src/x.ts', 'typeorm'],
    ['libs/persistence/src/x.ts', '@nestjs/common'],
    ['libs/ingress/src/x.ts', '@nestjs/common'],
  ])('refuse %s importing %s (infrastructure below its layer)', async (file, target) => {
    expect(await importing(file, target)).toEqual([expect.stringContaining('knows nothing')]);
  });

  it('let the runtime use Nest and messaging use kafkajs', async () => {
    expect(await importing('libs/runtime/src/x.ts', '@nestjs/common')).toEqual([]);
    expect(await importing('libs/messaging/src/x.ts', 'kafkajs')).toEqual([]);
  });
});
