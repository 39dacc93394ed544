// FOR TESTS ONLY: the registers and the submission store in memory, so the partner-answer path
// can be specified without a database (its integration test runs it on the real one).
import type { CanonicalEvent } from '@rtw/contracts';
import type {
  ItemOutcome,
  RelationRegister,
  Submission,
  SubmissionItem,
  SubmissionStore,
} from '@rtw/ingress';
import type { DossierFacts, DossierRelation, ExchangeVerdict, PartnerRef } from '@rtw/registers';
import type { AnswerRegisters } from '../partner-answers/partner-answer.service';

/** Links, dossiers and consents a test sets up. */
export class InMemoryAnswerRegisters implements AnswerRegisters, RelationRegister {
  private readonly relations: DossierRelation[] = [];
  private readonly dossiers = new Map<string, DossierFacts>();
  private readonly withdrawn = new Set<string>();

  dossier(facts: DossierFacts): this {
    this.dossiers.set(facts.dossierId, facts);
    return this;
  }

  link(dossierId: string, partner: PartnerRef, referralId: string, ended = false): this {
    this.relations.push({
      dossierId,
      partner,
      purpose: partner.kind === 'cpmt' ? 'cpmt-referral' : 'regional-referral',
      referralId,
      startedAt: new Date(),
      ...(ended ? { endedAt: new Date(), endReason: 'partner-rejected' as const } : {}),
    });
    return this;
  }

  withdrawConsent(dossierId: string): this {
    this.withdrawn.add(dossierId);
    return this;
  }

  endLinks(dossierId: string): this {
    for (const [index, relation] of this.relations.entries())
      if (relation.dossierId === dossierId)
        this.relations[index] = { ...relation, endedAt: new Date(), endReason: 'trajectory-ended' };
    return this;
  }

  async dossierFactsOf(dossierId: string): Promise<DossierFacts | undefined> {
    return this.dossiers.get(dossierId);
  }

  async relationsOf(dossierId: string): Promise<DossierRelation[]> {
    return this.relations.filter((relation) => relation.dossierId === dossierId);
  }

  async mayExchange(
    dossierId: string,
    partner: PartnerRef,
    options: { referralId?: string } = {},
  ): Promise<ExchangeVerdict> {
    if (this.withdrawn.has(dossierId)) return { allowed: false, reason: 'CONSENT_WITHDRAWN' };
    const linked = this.current(dossierId, partner).some(
      (relation) => options.referralId === undefined || relation.referralId === options.referralId,
    );
    return linked ? { allowed: true } : { allowed: false, reason: 'NOT_LINKED' };
  }

  async isReferredTo(dossierId: string, partner: PartnerRef): Promise<boolean> {
    return this.current(dossierId, partner).length > 0;
  }

  private current(dossierId: string, partner: PartnerRef): DossierRelation[] {
    return this.relations.filter(
      (relation) =>
        relation.dossierId === dossierId &&
        relation.partner.kind === partner.kind &&
        relation.partner.code === partner.code &&
        relation.endedAt === undefined,
    );
  }
}

/** The submission store's rules (idempotency by source + id and payload hash) in memory. */
export class InMemorySubmissionStore implements SubmissionStore {
  readonly accepted: CanonicalEvent[] = [];
  readonly refused: SubmissionItem[] = [];
  private readonly hashes = new Map<string, string>();

  async record(submission: Submission): Promise<ItemOutcome[]> {
    return submission.items.map((item) => {
      if (item.verdict === 'refuse') {
        this.refused.push(item);
        return { outcome: 'rejected', facts: item.facts, refusal: item.refusal };
      }
      const key = `${item.event.source} ${item.event.id}`;
      const earlier = this.hashes.get(key);
      if (earlier === undefined) {
        this.hashes.set(key, item.hash);
        this.accepted.push(item.event);
        return { outcome: 'accepted', facts: item.facts };
      }
      return earlier === item.hash
        ? { outcome: 'duplicate', facts: item.facts }
        : {
            outcome: 'rejected',
            facts: item.facts,
            refusal: {
              code: 'IDEMPOTENCY_CONFLICT',
              message: 'an event with this source and id was accepted with a different payload',
              pointer: '/id',
            },
          };
    });
  }

  async acceptedHash(source: string, id: string): Promise<string | undefined> {
    return this.hashes.get(`${source} ${id}`);
  }
}
