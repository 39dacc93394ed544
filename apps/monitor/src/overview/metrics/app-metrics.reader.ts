import type { ScrapeTarget } from '../overview.config';
import type { AppSnapshot } from '../sampling/sample.types';
import { parsePrometheusText } from './prometheus-text.parser';

/**
 * Reads each watched app's `/metrics` and `/health/ready`, all apps at once, each bounded by the
 * source timeout. An app that does not answer is a snapshot with null metrics, never an error:
 * the others are still shown.
 */
export class AppMetricsReader {
  constructor(
    private readonly targets: readonly ScrapeTarget[],
    private readonly timeoutMs: number,
  ) {}

  read(): Promise<AppSnapshot[]> {
    return Promise.all(this.targets.map((target) => this.readOne(target)));
  }

  private async readOne(target: ScrapeTarget): Promise<AppSnapshot> {
    const [metrics, ready] = await Promise.all([
      this.get(new URL('/metrics', target.url)).then((answer) =>
        answer?.status === 200 ? parsePrometheusText(answer.text) : null,
      ),
      this.get(new URL('/health/ready', target.url)).then((answer) =>
        answer ? answer.status === 200 : null,
      ),
    ]);
    return { name: target.name, metrics, ready };
  }

  private async get(url: URL): Promise<{ status: number; text: string } | undefined> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      return { status: response.status, text: await response.text() };
    } catch {
      return undefined;
    }
  }
}
