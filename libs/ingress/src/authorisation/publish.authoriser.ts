import type { CanonicalEvent } from '@rtw/contracts';
import { withDatabase } from '../database/database-failure';
import { IngressError } from '../errors/ingress.error';
import type { Organisation } from '../organisations/organisation.types';
import { PARTNER_KINDS, PUBLISH_MATRIX } from './publish-matrix.data';
import type { RelationRegister } from './relation-register.port';

/**
 * May this organisation publish this (schema-valid) event? Its own `source` only; an event type
 * its kind may publish; an insurer only for its own dossiers; a partner only for dossiers
 * referred to it. Throws the refusal; resolves when allowed.
 */
export class PublishAuthoriser {
  private readonly allowed = new Map(
    Object.entries(PUBLISH_MATRIX).map(([kind, types]) => [kind, new Set(types)]),
  );

  constructor(private readonly relations: RelationRegister) {}

  async authorise(organisation: Organisation, event: CanonicalEvent): Promise<void> {
    if (event.source !== organisation.source) {
      throw refuse('SOURCE_MISMATCH', '/source', "source is not the caller's own organisation");
    }
    if (!this.allowed.get(organisation.kind)?.has(event.type)) {
      throw refuse(
        'EVENT_TYPE_NOT_ALLOWED',
        '/type',
        `an organisation of kind ${organisation.kind} may not publish this event type`,
      );
    }
    if (organisation.kind === 'insurer' && event.insurer !== organisation.code) {
      throw refuse('INSURER_MISMATCH', '/insurer', "insurer is not the caller's own insurer code");
    }
    if (PARTNER_KINDS.has(organisation.kind)) await this.checkReferral(organisation, event.subject);
  }

  private async checkReferral(organisation: Organisation, dossierId: string): Promise<void> {
    const partner = { kind: organisation.kind as 'cpmt' | 'regional', code: organisation.code };
    const referred = await withDatabase(() => this.relations.isReferredTo(dossierId, partner));
    if (!referred)
      throw refuse('DOSSIER_NOT_REFERRED', '/subject', 'dossier is not referred to the caller');
  }
}

function refuse(
  code: 'SOURCE_MISMATCH' | 'EVENT_TYPE_NOT_ALLOWED' | 'INSURER_MISMATCH' | 'DOSSIER_NOT_REFERRED',
  pointer: string,
  message: string,
): IngressError {
  return new IngressError({ code, pointer, message });
}
