// `rtw inami build|show|freeze|submit|diff --insurer <code> --year <yyyy>` (ADR 0084): the
// lifecycle for an operator on a hub host, composed like the app (same configuration, database,
// builder and services), with a progress bar on builds.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { ContractRegistry } from '@rtw/contracts';
import { OutboxWriter, createDataSource } from '@rtw/persistence';
import { systemClock } from '@rtw/platform';
import { readConfig } from '@rtw/runtime';
import type { InamiEvaluationConfig } from '../config/inami-evaluation.config';
import { DatasetBuilder } from '../dataset/dataset.builder';
import { EvaluationDatasetContract } from '../dataset/evaluation-dataset.contract';
import { inamiEvaluationApp } from '../inami-evaluation.app';
import { DatasetSubmissionService } from '../submission/dataset-submission.service';
import { DatasetVersionsRepository } from '../versions/dataset-versions.repository';
import { DatasetVersionsService } from '../versions/dataset-versions.service';
import { VersionError } from '../versions/version.error';

const COMMANDS = ['build', 'show', 'freeze', 'submit', 'diff'] as const;
type Command = (typeof COMMANDS)[number];

const USAGE = `usage: rtw inami <build|show|freeze|submit|diff> --insurer <code> --year <yyyy>
  build   [--out <dir>]                 dry run: counts and hashes (files written to <dir> if given)
  show    [--version <n>]               the frozen versions, or one
  freeze  [--reason <text>] [--by <who>] build and store the next version (a reason from version 2)
  submit  [--version <n>] [--by <who>]  hand the newest (or named) frozen version to delivery
  diff    --from <n> --to <n>           what changed between two frozen versions`;

/** Where the CLI writes; the process's streams unless a test gives its own. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Whether to draw a progress bar (a terminal). */
  readonly progress: boolean;
}

/** Runs `rtw inami ...`; resolves to the exit code (0 done, 1 refused, 2 usage, 78 config). */
export async function inamiCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as Command)) return usage(io);
  let options: Record<string, string | undefined>;
  try {
    options = parseArgs({
      args: [...rest],
      options: Object.fromEntries(
        ['insurer', 'year', 'version', 'reason', 'by', 'from', 'to', 'out'].map((name) => [
          name,
          { type: 'string' as const },
        ]),
      ),
    }).values as Record<string, string | undefined>;
  } catch {
    return usage(io);
  }
  const year = Number(options['year']);
  const insurer = options['insurer'];
  if (!insurer || !Number.isInteger(year)) return usage(io);
  const config = readConfig(inamiEvaluationApp(io.env), io.env) as
    InamiEvaluationConfig | undefined;
  if (!config) return 78;
  const dataSource = await createDataSource({ url: config.DATABASE_URL }).initialize();
  const contract = await EvaluationDatasetContract.load();
  try {
    const parts = compose(config, dataSource, contract);
    const actor = {
      organisation: 'urn:rtw:org:hub:cli',
      subject: options['by'] ?? io.env['USER'] ?? 'cli',
    };
    const key = { insurer, year };
    const print = (value: unknown) => io.out(JSON.stringify(value, null, 2));
    switch (command as Command) {
      case 'build':
        print(
          await withProgress(io, parts.versions, insurer, (onRecord) =>
            build(parts.versions, key, options['out'], onRecord),
          ),
        );
        break;
      case 'show':
        print(
          options['version'] === undefined
            ? await parts.versions.list(key)
            : await parts.versions.show({ ...key, version: Number(options['version']) }),
        );
        break;
      case 'freeze':
        print(
          await withProgress(io, parts.versions, insurer, (onRecord) =>
            parts.versions.freeze({
              ...key,
              actor,
              onRecord,
              ...(options['reason'] !== undefined ? { reason: options['reason'] } : {}),
            }),
          ),
        );
        break;
      case 'submit':
        print(
          await parts.submissions.submit({
            ...key,
            actor,
            ...(options['version'] !== undefined ? { version: Number(options['version']) } : {}),
          }),
        );
        break;
      case 'diff':
        print(
          await parts.versions.diff({
            ...key,
            from: Number(options['from']),
            to: Number(options['to']),
          }),
        );
        break;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof VersionError)) throw error;
    io.err(`${error.code}: ${error.message}`);
    return 1;
  } finally {
    contract.dispose();
    await dataSource.destroy();
  }
}

function compose(
  config: InamiEvaluationConfig,
  dataSource: Awaited<ReturnType<ReturnType<typeof createDataSource>['initialize']>>,
  contract: EvaluationDatasetContract,
) {
  const builder = new DatasetBuilder({
    dataSource,
    contract,
    pseudonymSecret: config.INAMI_PSEUDONYM_SECRET,
    pageSize: config.INAMI_DATASET_PAGE_SIZE,
    clock: systemClock,
  });
  const repository = new DatasetVersionsRepository(dataSource);
  return {
    versions: new DatasetVersionsService({
      dataSource,
      builder,
      versions: repository,
      clock: systemClock,
    }),
    submissions: new DatasetSubmissionService({
      dataSource,
      versions: repository,
      contracts: ContractRegistry.load(),
      outbox: new OutboxWriter(),
      clock: systemClock,
    }),
  };
}

async function build(
  versions: DatasetVersionsService,
  key: { insurer: string; year: number },
  out: string | undefined,
  onRecord: () => void,
) {
  if (out === undefined) return versions.build(key, undefined, onRecord);
  const name = `inami-${key.insurer}-${key.year}-draft`;
  const files = {
    xml: createWriteStream(join(out, `${name}.xml`)),
    json: createWriteStream(join(out, `${name}.json`)),
  };
  const result = await versions.build(key, files, onRecord);
  files.xml.end();
  files.json.end();
  await Promise.all([finished(files.xml), finished(files.json)]);
  return { ...result, written: [files.xml.path, files.json.path] };
}

/** Runs a build with a bar over the insurer's dossiers (the most records it can write). */
async function withProgress<T>(
  io: CliIo,
  versions: DatasetVersionsService,
  insurer: string,
  work: (onRecord: () => void) => Promise<T>,
): Promise<T> {
  if (!io.progress) return work(() => undefined);
  const bar = new SingleBar({
    format: 'building [{bar}] {value} records (at most {total} dossiers) {duration_formatted}',
    hideCursor: true,
  });
  bar.start(await versions.dossierCount(insurer), 0);
  try {
    return await work(() => bar.increment());
  } finally {
    bar.stop();
  }
}

function usage(io: CliIo): number {
  io.err(USAGE);
  return 2;
}
