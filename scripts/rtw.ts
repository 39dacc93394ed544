// The `rtw` command (`npm run rtw --`, package bin): the contracts CLI given the hub's topic
// catalogue. The catalogue belongs to the topology in @rtw/messaging and contracts may not know
// Kafka (ADR 0040), so the two meet here, like libs meet in an app.
import { runContractsCli } from '@rtw/contracts';
import { TOPIC_CATALOGUE } from '@rtw/messaging';

/** Runs `rtw` with the given arguments; returns its exit code. */
export function rtw(argv: readonly string[]): number {
  return runContractsCli(argv, { topics: TOPIC_CATALOGUE });
}

if (require.main === module) process.exitCode = rtw(process.argv.slice(2));
