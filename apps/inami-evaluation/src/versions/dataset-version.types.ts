/** Where a frozen version stands with INAMI (ADR 0081, 0082). */
export type VersionStatus =
  'frozen' | 'submitted' | 'delivered' | 'delivery-failed' | 'acknowledged' | 'refused';

/** The two forms of a dataset, stored side by side. */
export type DatasetForm = 'xml' | 'json';

/** One file of a frozen version. */
export interface VersionFile {
  readonly sha256: string;
  readonly bytes: number;
}

/** INAMI's answer to a submitted version. */
export interface VersionAnswer {
  readonly outcome: 'acknowledged' | 'refused';
  readonly reference?: string;
  readonly reasons?: ReadonlyArray<{ readonly code: string; readonly text?: string }>;
}

/** A frozen version of one insurer's dataset for one year, as stored (never its content). */
export interface DatasetVersion {
  readonly id: string;
  readonly insurer: string;
  readonly year: number;
  readonly version: number;
  readonly frozenAt: string;
  readonly frozenBy: string;
  readonly reason?: string;
  /**
   * The newest `recorded_at` among the insurer's events when the build began: every event
   * recorded up to it is in this version; later ones go into the next version.
   */
  readonly eventsHighWater?: string;
  /** The insurer's events in the store when the build began. */
  readonly eventsAtFreeze: number;
  readonly dossiersRead: number;
  readonly trajectoriesCounted: number;
  readonly findings: number;
  readonly files: { readonly xml: VersionFile; readonly json: VersionFile };
  readonly status: VersionStatus;
  readonly messageId?: string;
  readonly submittedAt?: string;
  readonly submittedBy?: string;
  readonly answeredAt?: string;
  readonly answer?: VersionAnswer;
}

/** Which dataset a request is about. */
export interface DatasetKey {
  readonly insurer: string;
  readonly year: number;
}

/** Who asks, as authenticated (an operator's subject or the CLI user); recorded, never a name. */
export interface Actor {
  readonly organisation: string;
  readonly subject: string;
}
