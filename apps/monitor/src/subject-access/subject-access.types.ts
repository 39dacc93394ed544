/** Who asks for a subject access report (from the console's session, checked by its guard). */
export interface SubjectAccessRequester {
  readonly organisation: string;
  /** The person's `sub` at their identity provider. */
  readonly subject: string;
  readonly roles: readonly string[];
  /**
   * The insurer whose staff the requester is: the report covers only that insurer's dossiers
   * (its own records as controller). Null for the hub operator's staff, who see every insurer's.
   */
  readonly insurer: string | null;
}

/** The request: the person's NISS and why the privacy officer asks. */
export interface SubjectAccessRequest {
  readonly niss: string;
  readonly reason: string;
  readonly requester: SubjectAccessRequester;
}

/** GDPR art. 15 for one person: their dossiers, what went to whom and why, who looked. */
export interface SubjectAccessReport {
  readonly generatedAt: string;
  readonly dossiers: ReadonlyArray<{ dossierId: string; insurer: string; openedAt: string }>;
  /** Messages about the person that the hub prepared for an organisation, and their fate. */
  readonly disclosures: ReadonlyArray<{
    dossierId: string;
    /** Receiving organisation id (`regional:actiris`, `cpmt:<enterprise number>`...). */
    organisation: string;
    partner: string;
    /** The partner message, and the contract naming exactly which data it carries. */
    messageType: string;
    contract: string;
    /** Why: the dossier event the message translates (e.g. a referral the insurer made). */
    cause: string | null;
    status: string;
    preparedAt: string;
    deliveredAt: string | null;
  }>;
  /** Support staff who read a dossier's timeline, and whether they saw the identity. */
  readonly accesses: ReadonlyArray<{
    dossierId: string;
    organisation: string;
    at: string;
    identityShown: boolean;
  }>;
}
