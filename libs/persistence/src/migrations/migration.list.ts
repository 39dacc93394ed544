import { CreateOutbox1795330800000 } from './1795330800000-CreateOutbox';
import { CreateProcessedEvents1795330800001 } from './1795330800001-CreateProcessedEvents';
import { CreateIngressIdempotency1795330840000 } from './1795330840000-CreateIngressIdempotency';
import { CreateIngressAudit1795330840001 } from './1795330840001-CreateIngressAudit';
import { CreateIngressTokenIds1795330840002 } from './1795330840002-CreateIngressTokenIds';
import { CreateDossierRegisters1796050000000 } from './1796050000000-CreateDossierRegisters';
import { CreateDossierStore1796050100000 } from './1796050100000-CreateDossierStore';
import { CreateDeliveryTables1796060000000 } from './1796060000000-CreateDeliveryTables';
import { CreateConnectorTables1796070000000 } from './1796070000000-CreateConnectorTables';
import { IndexPendingOutboxBySeq1796080000000 } from './1796080000000-IndexPendingOutboxBySeq';
import { IndexIdempotencyAndInboxAge1796090000000 } from './1796090000000-IndexIdempotencyAndInboxAge';
import { IndexDeliveryMessagesByDossier1796095000000 } from './1796095000000-IndexDeliveryMessagesByDossier';
import { CreateDossierAccessAudit1796100000000 } from './1796100000000-CreateDossierAccessAudit';
import { CreateDossierListingIndexes1796100100000 } from './1796100100000-CreateDossierListingIndexes';
import { CreateInamiDatasetVersions1796105000000 } from './1796105000000-CreateInamiDatasetVersions';
import { IndexDossierOpeningsByInsurer1796110000000 } from './1796110000000-IndexDossierOpeningsByInsurer';
import { CreateMonitorConsoleAudit1796120000000 } from './1796120000000-CreateMonitorConsoleAudit';
import { CreateSubjectAccessAudit1796130000000 } from './1796130000000-CreateSubjectAccessAudit';
import { CreateOutboxAttempts1796140000000 } from './1796140000000-CreateOutboxAttempts';
import { AddChannelToMonitorConsoleAudit1797000000000 } from './1797000000000-AddChannelToMonitorConsoleAudit';
import { CreateInamiDatasetSchedule1797200000000 } from './1797200000000-CreateInamiDatasetSchedule';

/**
 * Every migration of the hub's schema, oldest first. Listed as classes rather than a glob so the
 * compiled build, the dev loader and Jest all run exactly the same set. Append new ones here.
 */
export const PERSISTENCE_MIGRATIONS = [
  CreateOutbox1795330800000,
  CreateProcessedEvents1795330800001,
  CreateIngressIdempotency1795330840000,
  CreateIngressAudit1795330840001,
  CreateIngressTokenIds1795330840002,
  CreateDossierRegisters1796050000000,
  CreateDossierStore1796050100000,
  CreateDeliveryTables1796060000000,
  CreateConnectorTables1796070000000,
  IndexPendingOutboxBySeq1796080000000,
  IndexIdempotencyAndInboxAge1796090000000,
  IndexDeliveryMessagesByDossier1796095000000,
  CreateDossierAccessAudit1796100000000,
  CreateDossierListingIndexes1796100100000,
  CreateInamiDatasetVersions1796105000000,
  IndexDossierOpeningsByInsurer1796110000000,
  CreateMonitorConsoleAudit1796120000000,
  CreateSubjectAccessAudit1796130000000,
  CreateOutboxAttempts1796140000000,
  AddChannelToMonitorConsoleAudit1797000000000,
  CreateInamiDatasetSchedule1797200000000,
] as const;
