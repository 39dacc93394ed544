// Reads the Prometheus text exposition format (version 0.0.4, what prom-client serves) into flat
// samples. Written here rather than taken from npm: `parse-prometheus-text-format` 1.1.1 (the
// package most used for this) merges the histogram series of different label sets into one and
// drops their _sum and _count (tried on 30 Nov 2026), and a histogram per partner is exactly what
// the overview reads. The format's sample line is small: name, optional {labels}, value.

/** One sample line: a metric name (with its _bucket/_sum/_count suffix), its labels, its value. */
export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+-?\d+)?$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/y;

/** Parses an exposition; comment lines are skipped, lines that do not parse are ignored. */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = SAMPLE.exec(trimmed);
    if (!match) continue;
    const labels = parseLabels(match[3] ?? '');
    const value = parseValue(match[4]!);
    if (labels && value !== undefined) samples.push({ name: match[1]!, labels, value });
  }
  return samples;
}

function parseLabels(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) return text.slice(LABEL.lastIndex).trim() === '' ? labels : undefined;
    labels[match[1]!] = unescape(match[2]!);
  }
  return labels;
}

function unescape(value: string): string {
  return value.replace(/\\(["\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

function parseValue(text: string): number | undefined {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}
