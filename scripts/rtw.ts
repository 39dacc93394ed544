// The `rtw` command (`npm run rtw --`, package bin): the contracts CLI given the hub's topic
// catalogue. The catalogue belongs to the topology in @rtw/messaging and contracts may not know
// Kafka (ADR 0040), so the two meet here, like libs meet in an app.
import { runContractsCli } from '@rtw/contracts';
import { TOPIC_CATALOGUE } from '@rtw/messaging';
import { inamiCli } from '../apps/inami-evaluation/src/cli/inami.cli';
import { MONITOR_CLI_COMMANDS, monitorCli } from '../apps/monitor/src/cli/monitor.cli';

/** Runs `rtw` with the given arguments; returns its exit code. */
export function rtw(argv: readonly string[]): number {
  return runContractsCli(argv, { topics: TOPIC_CATALOGUE });
}

/**
 * `rtw inami ...`: the INAMI dataset lifecycle (ADR 0084), asynchronous (database, builds);
 * `rtw dossier|dlq|deliveries|alerts ...`: the monitor's API with an access token (ADR 0100).
 */
export async function main(argv: readonly string[]): Promise<number> {
  if ((MONITOR_CLI_COMMANDS as readonly string[]).includes(argv[0] ?? '')) {
    return monitorCli(argv, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      env: process.env,
    });
  }
  if (argv[0] === 'inami') {
    return inamiCli(argv.slice(1), {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      env: process.env,
      progress: process.stderr.isTTY === true,
    });
  }
  return rtw(argv);
}

if (require.main === module)
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
