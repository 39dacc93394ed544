/** A partner organisation as the relation register knows it. */
export interface PartnerRef {
  readonly kind: 'cpmt' | 'regional';
  /** Enterprise number of the prevention service, or the regional service id. */
  readonly code: string;
}

/**
 * The tracker's register of which partner a dossier was referred to (see the tracker issue). The
 * gateway asks it before accepting a partner's answer; it never writes to it.
 */
export interface RelationRegister {
  /** True when the dossier is currently referred to the partner. */
  isReferredTo(dossierId: string, partner: PartnerRef): Promise<boolean>;
}

/** FOR TESTS: a relation register in memory, filled by the test. */
export class InMemoryRelationRegister implements RelationRegister {
  private readonly relations = new Set<string>();

  /** Records that `dossierId` is referred to `partner`. */
  refer(dossierId: string, partner: PartnerRef): this {
    this.relations.add(keyOf(dossierId, partner));
    return this;
  }

  async isReferredTo(dossierId: string, partner: PartnerRef): Promise<boolean> {
    return this.relations.has(keyOf(dossierId, partner));
  }
}

function keyOf(dossierId: string, partner: PartnerRef): string {
  return `${dossierId} ${partner.kind}:${partner.code}`;
}
