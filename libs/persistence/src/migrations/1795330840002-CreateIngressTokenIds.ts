import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Token ids (`jti`) already used, so a replayed bearer token is refused by every gateway
 * instance; rows are purged once their token has expired (ADR 0022).
 */
export class CreateIngressTokenIds1795330840002 implements MigrationInterface {
  name = 'CreateIngressTokenIds1795330840002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingress_token_ids" (
        "issuer" text NOT NULL,
        "token_id" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "ingress_token_ids_pkey" PRIMARY KEY ("issuer", "token_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ingress_token_ids_expires_idx" ON "ingress_token_ids" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ingress_token_ids_expires_idx"`);
    await queryRunner.query(`DROP TABLE "ingress_token_ids"`);
  }
}
