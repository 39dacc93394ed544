import { INSURERS } from '@rtw/domain';
import type { CoordinatorContact } from '@rtw/partners';
import { duplicates, loadReferenceFile, type ReferenceFileOptions } from './reference-file.loader';

/** The insurer's return-to-work coordination desk, named when a referral names no coordinator. */
export interface InsurerContactEntry extends CoordinatorContact {
  /** Three-digit insurer code. */
  readonly insurer: string;
}

interface InsurerContactsFile {
  readonly environment: 'development' | 'production';
  readonly contacts: readonly InsurerContactEntry[];
}

// Phone and email follow the coordinator of the v2 referral events, so every contact passes the
// partner contracts (the builders check them again).
const SCHEMA = {
  type: 'object',
  required: ['environment', 'contacts'],
  properties: {
    environment: { enum: ['development', 'production'] },
    contacts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['insurer', 'name'],
        properties: {
          insurer: { type: 'string', format: 'insurer-code' },
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
  },
  additionalProperties: false,
} as const;

/**
 * The coordination desk of each insurer (`config/insurer-contacts.json`): the contact a partner
 * message names when the referral (a v1 event) names no coordinator. Every insurer that runs
 * trajectories must have one, so no message is ever refused for want of a contact.
 */
export class InsurerContacts {
  private constructor(private readonly byInsurer: ReadonlyMap<string, CoordinatorContact>) {}

  /** Reads and checks the file; a ConfigError names every problem (exit 78 at boot). */
  static load(options: ReferenceFileOptions): InsurerContacts {
    const file = loadReferenceFile<InsurerContactsFile>(options, SCHEMA, (document) => {
      const covered = new Set(document.contacts.map((contact) => contact.insurer));
      return [
        ...duplicates(document.contacts, (contact) => contact.insurer, 'contact'),
        ...INSURERS.filter(
          (insurer) => insurer.sendsTrajectoryData && !covered.has(insurer.code),
        ).map((insurer) => `has no contact for insurer ${insurer.code}`),
      ];
    });
    return InsurerContacts.of(file.contacts);
  }

  /** Contacts given directly (tests). */
  static of(entries: readonly InsurerContactEntry[]): InsurerContacts {
    return new InsurerContacts(
      new Map(entries.map(({ insurer, ...contact }) => [insurer, contact])),
    );
  }

  /** The desk of an insurer, or undefined for an insurer without one. */
  contactOf(insurer: string): CoordinatorContact | undefined {
    return this.byInsurer.get(insurer);
  }
}
