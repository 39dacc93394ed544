// Shared test helpers: generated identifiers, and handles on the real local broker and database.
// Used by *.spec.ts, *.int-spec.ts and e2e tests only; never imported by production code.
export * from './niss.factory';
export * from './hub-error.fixture';
export * from './kafka.fixture';
export * from './database.fixture';
export * from './app-process.fixture';
export * from './in-process-app.fixture';
export * from './gateway-trust.fixture';
export * from './canonical-events.fixture';
export * from './dossier-relations.fixture';
export * from './dossier-events.fixture';
export * from './topic-reader.fixture';
export * from './dossier-projection.fixture';
export * from './tcp-gate.fixture';
export * from './trajectory.scripts';
export * from './fuzz.fixture';
export * from './identity-provider.fixture';
export * from './device-login.fixture';
