import type { Language } from '@rtw/domain';
import { duplicates, loadReferenceFile, type ReferenceFileOptions } from './reference-file.loader';

/** A prevention service whose CPMTs receive referrals through the hub. */
export interface PreventionService {
  /** Enterprise number (KBO/BCE) of the service; the referral names it. */
  readonly enterpriseNumber: string;
  readonly name: string;
  /**
   * An external service serves many employers; an internal one is part of one (large) employer
   * and serves only its staff.
   */
  readonly kind: 'external' | 'internal';
  /** Internal services only: the enterprise number of the employer they belong to. */
  readonly employerEnterpriseNumber?: string;
  /** Languages in which its CPMTs work. */
  readonly languages: readonly Language[];
  /** Who the hub's support team calls about this service's messages. */
  readonly contact: { readonly name?: string; readonly phone?: string; readonly email?: string };
}

interface PreventionServicesFile {
  readonly environment: 'development' | 'production';
  readonly services: readonly PreventionService[];
}

const SCHEMA = {
  type: 'object',
  required: ['environment', 'services'],
  properties: {
    environment: { enum: ['development', 'production'] },
    services: {
      type: 'array',
      items: {
        type: 'object',
        required: ['enterpriseNumber', 'name', 'kind', 'languages', 'contact'],
        properties: {
          enterpriseNumber: { type: 'string', format: 'enterprise-number' },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          kind: { enum: ['external', 'internal'] },
          employerEnterpriseNumber: { type: 'string', format: 'enterprise-number' },
          languages: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { enum: ['fr', 'nl', 'de'] },
          },
          contact: {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 100 },
              phone: { type: 'string', pattern: '^\\+?[0-9][0-9 ()./-]{5,24}$' },
              email: { type: 'string', maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
            },
            anyOf: [
              { properties: { phone: true }, required: ['phone'] },
              { properties: { email: true }, required: ['email'] },
            ],
            additionalProperties: false,
          },
        },
        // An internal service names its employer; an external one names none.
        if: { properties: { kind: { const: 'internal' } } },
        then: {
          properties: { employerEnterpriseNumber: true },
          required: ['employerEnterpriseNumber'],
        },
        else: {
          not: {
            properties: { employerEnterpriseNumber: true },
            required: ['employerEnterpriseNumber'],
          },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

/**
 * The prevention services the CPMT connector may route referrals to
 * (`config/prevention-services.json`). Routing data only: endpoints and signing secrets belong to
 * delivery's partner directory, where each service needs an entry too (`cpmt:<enterprise number>`).
 */
export class PreventionServiceDirectory {
  private constructor(private readonly byNumber: ReadonlyMap<string, PreventionService>) {}

  /** Reads and checks the file; a ConfigError names every problem (exit 78 at boot). */
  static load(options: ReferenceFileOptions): PreventionServiceDirectory {
    const file = loadReferenceFile<PreventionServicesFile>(options, SCHEMA, (document) =>
      duplicates(document.services, (service) => service.enterpriseNumber, 'service'),
    );
    return PreventionServiceDirectory.of(file.services);
  }

  /** A directory of the given services (tests). */
  static of(services: readonly PreventionService[]): PreventionServiceDirectory {
    return new PreventionServiceDirectory(
      new Map(services.map((service) => [service.enterpriseNumber, service])),
    );
  }

  /** The service with this enterprise number, or undefined when the hub does not know it. */
  find(enterpriseNumber: string): PreventionService | undefined {
    return this.byNumber.get(enterpriseNumber);
  }

  /** Every service, for cross-checks with delivery's directory. */
  all(): PreventionService[] {
    return [...this.byNumber.values()];
  }
}
