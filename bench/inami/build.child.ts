// The measured part of the INAMI dataset bench, in a process of its own so that its peak resident
// set is the build's alone: builds one insurer's dataset (or, in `read` mode, only reads the
// dossiers the build would read, the same-run baseline) and prints one JSON line.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createDataSource } from '@rtw/persistence';
import { DatasetBuilder } from '../../apps/inami-evaluation/src/dataset/dataset.builder';
import { DossierHistoryReader } from '../../apps/inami-evaluation/src/dataset/dossier-history.reader';
import { EvaluationDatasetContract } from '../../apps/inami-evaluation/src/dataset/evaluation-dataset.contract';

async function main(): Promise<void> {
  const [url, insurer, year, mode, outDir, pageSize] = process.argv.slice(2) as [
    string,
    string,
    string,
    'build' | 'read',
    string,
    string,
  ];
  const dataSource = await createDataSource({
    url,
    poolSize: 2,
    statementTimeoutMs: 0,
    applicationName: 'rtw-bench-inami',
  }).initialize();
  const contract = await EvaluationDatasetContract.load();
  try {
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    let result: Record<string, unknown>;
    if (mode === 'read') {
      let dossiers = 0;
      let events = 0;
      const reader = new DossierHistoryReader(dataSource, Number(pageSize));
      for await (const history of reader.dossiers(insurer)) {
        dossiers += 1;
        events += history.events.length;
      }
      result = { dossiersRead: dossiers, eventsRead: events };
    } else {
      const builder = new DatasetBuilder({
        dataSource,
        contract,
        pseudonymSecret: 'bench-only-inami-pseudonym-secret-0123456789',
        pageSize: Number(pageSize),
        clock: { now: () => new Date(Date.UTC(Number(year) + 1, 0, 15, 8)) },
      });
      const sinks = {
        xml: createWriteStream(join(outDir, `dataset-${insurer}-${year}.xml`)),
        json: createWriteStream(join(outDir, `dataset-${insurer}-${year}.json`)),
      };
      result = { ...(await builder.build({ insurer, year: Number(year) }, sinks)) };
      sinks.xml.end();
      sinks.json.end();
      await Promise.all([finished(sinks.xml), finished(sinks.json)]);
    }
    const seconds = (performance.now() - started) / 1000;
    // CPU time too: on a shared machine wall time also measures the neighbours.
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    // maxRSS is in KiB on Linux: the peak of this process, loader and contract included.
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ...result, seconds, cpuSeconds, peakRssMiB })}\n`);
  } finally {
    contract.dispose();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('bench child: failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
