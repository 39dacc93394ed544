/** The projection of one dossier as the timeline and the listing show it. */
export interface DossierSummary {
  readonly dossierId: string;
  readonly insurer: string;
  readonly version: number;
  readonly status: string;
  readonly scheme: string | null;
  readonly incapacityStart: string | null;
  readonly category: number | null;
  readonly route: string | null;
  readonly amiCase: number | null;
  readonly amiStatus: string | null;
  readonly closedOn: string | null;
  readonly incapacityEndedOn: string | null;
  readonly retentionUntil: string | null;
  readonly outcome: string | null;
  readonly openedAt: string;
  readonly updatedAt: string;
}

/** An event the tracker accepted (stored in the dossier's event store). */
export interface AcceptedEntry {
  readonly outcome: 'accepted';
  readonly at: string;
  readonly version: number;
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly dataschema: string | null;
  readonly occurredAt: string;
  readonly correlationId: string | null;
  /** The event's data; personal values masked unless identity is shown. */
  readonly data: unknown;
}

/** An event the tracker refused, with the rule's reason code. */
export interface RefusedEntry {
  readonly outcome: 'refused';
  readonly at: string;
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly reasonCode: string;
  /** The rule's sentence (never personal data, ADR 0029). */
  readonly message: string;
}

/** One legal clock of the dossier. */
export interface DeadlineEntry {
  readonly rule: string;
  readonly startedBy: string;
  readonly startsOn: string;
  readonly opensOn: string | null;
  readonly dueOn: string;
  readonly status: string;
  readonly dueSoonAt: string | null;
  readonly missedAt: string | null;
  readonly settledAt: string | null;
  readonly settledBy: string | null;
}

/** The latest consent decision of one scope. */
export interface ConsentEntry {
  readonly scope: string;
  readonly status: string;
  readonly givenOn: string | null;
  readonly withdrawnOn: string | null;
  readonly eventId: string;
}

/** A link between the dossier and a partner organisation, current or ended. */
export interface RelationEntry {
  readonly partner: { readonly kind: string; readonly code: string };
  readonly purpose: string;
  readonly referralId: string;
  readonly consentScope: string;
  readonly startedAt: string;
  readonly startedByEvent: string;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly endedByEvent: string | null;
}

/** The outcome of one partner delivery about the dossier. */
export interface DeliveryEntry {
  readonly messageId: string;
  readonly partner: string;
  readonly outcome: string;
  readonly reasonCode: string | null;
  readonly attempts: number;
  readonly recordedAt: string;
}

/** Everything the hub knows of one dossier, for support and the monitor. */
export interface DossierTimeline {
  readonly dossierId: string;
  /** True when personal values are shown; false when they are replaced by `***`. */
  readonly identityShown: boolean;
  /** The projection; null when every event of the dossier was refused. */
  readonly dossier: (DossierSummary & { readonly state: Record<string, unknown> }) | null;
  /** Accepted and refused events, in the order the tracker handled them. */
  readonly events: ReadonlyArray<AcceptedEntry | RefusedEntry>;
  readonly deadlines: readonly DeadlineEntry[];
  readonly consents: readonly ConsentEntry[];
  readonly relations: readonly RelationEntry[];
  readonly deliveries: readonly DeliveryEntry[];
}
