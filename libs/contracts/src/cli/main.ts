import { errorCode } from '@rtw/platform';
import type { TopicDefinition } from '../asyncapi/topic.definition';
import { type CliIo, EXIT, PROCESS_IO } from './cli.io';
import { compatCommand } from './compat.command';
import { generateCommand } from './generate.command';
import { schemasCommand } from './schemas.command';
import { validateCommand } from './validate.command';

/** What the CLI gets from the program that runs it (`scripts/rtw.ts`). */
export interface CliContext {
  /** The hub's topic catalogue, described by the generated docs (it belongs to the topology). */
  readonly topics: readonly TopicDefinition[];
  readonly io?: CliIo;
}

type Command = (args: readonly string[], io: CliIo, context: CliContext) => number;

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  schemas: schemasCommand,
  compat: compatCommand,
  generate: (args, io, context) => generateCommand(args, io, context.topics),
};

/** Printed for no, unknown or help commands. */
export const USAGE = [
  'usage: rtw <command> [arguments]',
  '',
  '  validate [--max-bytes N] FILE|DIR...  validate canonical events (structured CloudEvents JSON)',
  '  schemas                               list contracts and their versions',
  '  compat [--schemas-dir DIR] [--published DIR]',
  '                                        check versions, and edits of published files, for breaks',
  '  generate types|docs|all [--check]     write generated types/docs, or check they are current',
].join('\n');

/** Runs the `rtw` CLI and returns its exit code (0 ok, 1 invalid/out of date, 2 usage). */
export function main(argv: readonly string[], context: CliContext): number {
  const io = context.io ?? PROCESS_IO;
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    if (name !== undefined && name !== 'help' && name !== '--help')
      io.err(`rtw: unknown command ${name}`);
    io.err(USAGE);
    return EXIT.usage;
  }
  try {
    return command(args, io, context);
  } catch (error) {
    // Thrown errors come from schemas, config or the file system, never from event contents
    // (validation reports those as results), so their messages are safe to print.
    io.err(
      `rtw ${name}: ${errorCode(error)}: ${error instanceof Error ? error.message : 'unexpected failure'}`,
    );
    return EXIT.invalid;
  }
}
