import type { DataSource } from 'typeorm';
import type { PartnerRef, RelationRegister } from './relation-register.port';

const UNDEFINED_TABLE = '42P01';

/**
 * TEMPORARY (ADR 0023): reads the `dossier_relations` table that the tracker will create and own.
 * Until that table exists every partner answer is refused (fail closed), never accepted. Replace
 * with the tracker's own implementation of RelationRegister once it lands.
 */
export class TableRelationRegister implements RelationRegister {
  constructor(
    private readonly dataSource: DataSource,
    private readonly onMissingTable: () => void = () => undefined,
  ) {}

  async isReferredTo(dossierId: string, partner: PartnerRef): Promise<boolean> {
    try {
      const rows: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM "dossier_relations"
         WHERE "dossier_id" = $1 AND "partner_kind" = $2 AND "partner_code" = $3 AND "ended_at" IS NULL
         LIMIT 1`,
        [dossierId, partner.kind, partner.code],
      );
      return rows.length > 0;
    } catch (error) {
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
      this.onMissingTable();
      return false;
    }
  }
}
