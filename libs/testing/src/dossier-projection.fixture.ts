import type { DataSource } from 'typeorm';

/**
 * FOR TESTS that need a dossier the hub knows without running the tracker: writes the row of the
 * tracker's projection `dossiers` that other apps read (insurer, and the residence key in its
 * state), as the tracker does when it accepts `be.rtw.dossier.opened`.
 */
export async function recordDossierProjection(
  dataSource: DataSource,
  dossier: {
    dossierId: string;
    insurer: string;
    residence?: { postalCode: string; nisCode?: string };
  },
): Promise<void> {
  const state = {
    status: 'open',
    insurer: dossier.insurer,
    ...(dossier.residence ? { residence: dossier.residence } : {}),
  };
  await dataSource.query(
    `INSERT INTO "dossiers" ("dossier_id", "insurer", "version", "status", "state", "opened_at", "updated_at")
     VALUES ($1, $2, 1, 'open', $3, now(), now())
     ON CONFLICT ("dossier_id") DO UPDATE SET "insurer" = $2, "state" = $3, "updated_at" = now()`,
    [dossier.dossierId, dossier.insurer, JSON.stringify(state)],
  );
}
