import type { Admin } from 'kafkajs';
import { MessagingError } from '../errors/messaging.error';

/** The partitions of some topics were not all served within the time allowed. */
export class PartitionsNotServedError extends MessagingError {
  constructor(topics: readonly string[], ms: number) {
    super({
      code: 'TOPIC_NOT_SERVED',
      message: `Partitions of ${topics.length} topic(s) had no serving leader within ${ms} ms`,
    });
  }
}

/**
 * Resolves once every partition of `topics` has a leader that serves it. A broker reports a new
 * topic in its metadata before each partition's leader has loaded it: a produce or fetch in that
 * window fails with "This server does not host this topic-partition". So this waits for leaders in
 * the metadata AND for a ListOffsets answer from each leader, which only a serving leader gives.
 */
export async function waitForPartitionsServed(
  admin: Admin,
  topics: readonly string[],
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  if (topics.length === 0) return;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await allServed(admin, topics)) return;
    if (Date.now() > deadline) throw new PartitionsNotServedError(topics, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

async function allServed(admin: Admin, topics: readonly string[]): Promise<boolean> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
    const led = metadata.topics.every(
      (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
    );
    if (!led) return false;
    await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
    return true;
  } catch {
    return false;
  }
}
