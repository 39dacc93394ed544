import { Pool } from 'pg';
import {
  cpmtDecisionBThenAmiCase4,
  REGIONAL_RESIDENCES,
  routeASalariedWithCpmt,
  routeBToRegionalService,
  type ScriptedTrajectory,
} from '@rtw/testing';

/** Bump when the generated trajectories change: a seed of another version is redone. */
const SEED_VERSION = 1;
/** Dossiers generated and inserted per statement (about 18 events each). */
const BATCH_DOSSIERS = 500;
const SERVICES = ['actiris', 'vdab', 'forem', 'adg'] as const;
const DAY_MS = 86_400_000;

/** What a seeded insurer holds. */
export interface SeededInsurer {
  insurer: string;
  trajectories: number;
  events: number;
  /** Seconds spent seeding in this run (0 when an earlier seed was reused). */
  seedSeconds: number;
  reused: boolean;
}

/**
 * One lawful trajectory of the mix, by index: six in ten route A with a CPMT visit (20 events),
 * three in ten route B to a regional service (15), one in ten a CPMT decision B (15). Incapacity
 * starts are spread over the twelve months from September 1st before `year`, so every trajectory
 * has steps in `year`. One
 * trajectory in 250 lost its opening (an inconsistency the dataset must report, not drop).
 */
function trajectoryAt(index: number, insurer: string, year: number): ScriptedTrajectory {
  const start = new Date(Date.UTC(year - 1, 8, 1) + (index % 365) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const options = { insurer, incapacityStart: start };
  const kind = index % 10;
  const script =
    kind < 6
      ? routeASalariedWithCpmt(options)
      : kind < 9
        ? routeBToRegionalService(REGIONAL_RESIDENCES[SERVICES[index % 4]!], options)
        : cpmtDecisionBThenAmiCase4(options);
  if (index % 250 === 249) script.events.shift();
  return script;
}

/** The legal deadlines the tracker would keep for a trajectory (a few settled, retention open). */
function deadlinesOf(index: number): Array<[string, string]> {
  return [
    ['questionnaire-send', 'met'],
    ['questionnaire-return', index % 7 === 0 ? 'missed' : 'met'],
    ['capacity-first-estimate', index % 5 === 0 ? 'missed' : 'met'],
    ['retention-dossier-data', 'open'],
  ];
}

/** Column arrays for one multi-row insert of events (`unnest`), and of deadlines. */
class Batch {
  readonly events: unknown[][] = Array.from({ length: 10 }, () => []);
  readonly deadlines: unknown[][] = Array.from({ length: 4 }, () => []);
  count = 0;

  add(trajectory: ScriptedTrajectory, index: number): void {
    for (const [position, event] of trajectory.events.entries()) {
      const time = String(event['time']);
      const values = [
        trajectory.dossierId,
        position + 1,
        event['source'],
        event['id'],
        event['type'],
        event['dataschema'] ?? null,
        trajectory.insurer,
        time,
        event['correlationid'] ?? null,
        JSON.stringify(event['data']),
      ];
      values.forEach((value, column) => this.events[column]!.push(value));
      this.count += 1;
    }
    for (const [rule, status] of deadlinesOf(index)) {
      [trajectory.dossierId, trajectory.insurer, rule, status].forEach((value, column) =>
        this.deadlines[column]!.push(value),
      );
    }
  }
}

async function insert(pool: Pool, batch: Batch): Promise<void> {
  await pool.query(
    `INSERT INTO "dossier_events" ("dossier_id", "version", "event_source", "event_id", "type",
       "dataschema", "insurer", "occurred_at", "recorded_at", "correlation_id", "data")
     SELECT d, v, s, i, t, ds, ins, o, o, c, j FROM unnest($1::uuid[], $2::int[], $3::text[],
       $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::jsonb[])
       AS u(d, v, s, i, t, ds, ins, o, c, j)`,
    batch.events,
  );
  await pool.query(
    `INSERT INTO "dossier_deadlines" ("dossier_id", "insurer", "rule_id", "started_by",
       "starts_on", "due_on", "status")
     SELECT d, ins, r, 'bench', '2026-01-01', '2026-01-15', st
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(d, ins, r, st)`,
    batch.deadlines,
  );
}

/**
 * Seeds `trajectories` generated trajectories of `insurer` into the tracker's tables with large
 * multi-row inserts (generation of the next batch overlaps the insert of the previous one).
 * A seed of the same size and generator version made by an earlier run is reused: the national
 * size takes minutes to seed and the benchmark measures the build, not the seeding.
 */
export async function seedInsurer(
  pool: Pool,
  args: { insurer: string; trajectories: number; year: number },
): Promise<SeededInsurer> {
  const { insurer, trajectories, year } = args;
  await pool.query(`CREATE TABLE IF NOT EXISTS "bench_inami_seed" (
    "insurer" text PRIMARY KEY, "version" int NOT NULL, "year" int NOT NULL,
    "trajectories" int NOT NULL, "events" int NOT NULL)`);
  const previous = (
    await pool.query<{ version: number; year: number; trajectories: number; events: number }>(
      `SELECT "version", "year", "trajectories", "events" FROM "bench_inami_seed" WHERE "insurer" = $1`,
      [insurer],
    )
  ).rows[0];
  if (
    previous?.version === SEED_VERSION &&
    previous.year === year &&
    previous.trajectories === trajectories
  ) {
    return { insurer, trajectories, events: previous.events, seedSeconds: 0, reused: true };
  }
  const started = performance.now();
  await pool.query(`DELETE FROM "bench_inami_seed" WHERE "insurer" = $1`, [insurer]);
  await pool.query(`DELETE FROM "dossier_events" WHERE "insurer" = $1`, [insurer]);
  await pool.query(`DELETE FROM "dossier_deadlines" WHERE "insurer" = $1`, [insurer]);
  let events = 0;
  let pending: Promise<void> = Promise.resolve();
  for (let done = 0; done < trajectories; done += BATCH_DOSSIERS) {
    const batch = new Batch();
    for (let index = done; index < Math.min(trajectories, done + BATCH_DOSSIERS); index++) {
      batch.add(trajectoryAt(index, insurer, year), index);
    }
    await pending;
    events += batch.count;
    pending = insert(pool, batch);
  }
  await pending;
  await pool.query(`VACUUM ANALYZE "dossier_events"`);
  await pool.query(`VACUUM ANALYZE "dossier_deadlines"`);
  await pool.query(
    `INSERT INTO "bench_inami_seed" ("insurer", "version", "year", "trajectories", "events")
     VALUES ($1, $2, $3, $4, $5)`,
    [insurer, SEED_VERSION, year, trajectories, events],
  );
  const seedSeconds = (performance.now() - started) / 1000;
  return { insurer, trajectories, events, seedSeconds: round(seedSeconds), reused: false };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
