import * as path from 'node:path';
import { generateContractDocs } from '../asyncapi/contract-docs.generator';
import type { TopicDefinition } from '../asyncapi/topic.definition';
import { generateContractTypes } from '../codegen/contract-types.generator';
import { compareOutputFiles, writeOutputFiles } from '../codegen/output-files';
import type { SchemaSet } from '../registry/schema-document.types';
import { loadSchemaSet, locateSchemasDir } from '../registry/schema-files.loader';
import { type CliIo, EXIT } from './cli.io';

/** Generated artefacts: where they go (from the repository root) and how they are rendered. */
export const ARTEFACTS = {
  types: {
    dir: 'libs/contract-types/src/generated',
    render: generateContractTypes,
    fix: 'npm run contracts:generate',
  },
  docs: { dir: 'docs/contracts', render: generateContractDocs, fix: 'npm run contracts:docs' },
} as const satisfies Record<
  string,
  {
    dir: string;
    render: (set: SchemaSet, topics: readonly TopicDefinition[]) => Map<string, string>;
    fix: string;
  }
>;

type Artefact = keyof typeof ARTEFACTS;

/**
 * `rtw generate types|docs|all [--check]`: writes the generated TypeScript types and/or contract
 * docs (describing `topics`); with --check writes nothing and exits 1 when the committed files
 * differ.
 */
export function generateCommand(
  args: readonly string[],
  io: CliIo,
  topics: readonly TopicDefinition[],
): number {
  const check = args.includes('--check');
  const [what, ...rest] = args.filter((a) => a !== '--check');
  if (rest.length > 0 || !(what === 'all' || what === 'types' || what === 'docs')) {
    io.err('rtw generate: usage: rtw generate types|docs|all [--check]');
    return EXIT.usage;
  }
  const schemasDir = locateSchemasDir();
  const root = path.dirname(schemasDir);
  const set = loadSchemaSet(schemasDir);
  const artefacts: Artefact[] = what === 'all' ? ['types', 'docs'] : [what];
  let stale = 0;
  for (const name of artefacts) {
    const { dir, render, fix } = ARTEFACTS[name];
    const files = render(set, topics);
    if (!check) {
      writeOutputFiles(path.join(root, dir), files);
      io.out(`${name}: wrote ${files.size} files to ${dir}`);
      continue;
    }
    const drift = compareOutputFiles(path.join(root, dir), files);
    for (const d of drift) io.out(`${dir}/${d.file}: ${d.problem} (run ${fix})`);
    stale += drift.length;
  }
  if (check)
    io.out(
      stale === 0 ? 'generated files are up to date' : `${stale} generated file(s) out of date`,
    );
  return stale === 0 ? EXIT.ok : EXIT.invalid;
}
