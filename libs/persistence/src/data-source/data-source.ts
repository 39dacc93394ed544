// Entry point for the TypeORM CLI only (`npm run migration:*` through scripts/typeorm.mjs): the CLI
// needs a module exporting exactly one DataSource. Apps build theirs with `createDataSource`.
import { createDataSource } from './data-source.options';

/** The hub's DataSource for the CLI, pointed at `DATABASE_URL` (local default database otherwise). */
export default createDataSource({
  url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rtw',
  applicationName: 'rtw-typeorm-cli',
});
