import { ContractRegistry } from '@rtw/contracts';
import { SUPPORT_ROLES, rolesOf, type SupportActor } from '@rtw/ingress';
import { MASKED, PersonalDataMask } from './personal-data.mask';
import type { StoredTimeline } from './timeline.reader';
import { present, showsIdentity } from './timeline.service';
import type { AcceptedEntry, DossierSummary, RefusedEntry } from './timeline.types';

const DOSSIER = '5e740220-49c5-4484-b789-6d2e3df7bb0a';
const SUMMARY: DossierSummary = {
  dossierId: DOSSIER,
  insurer: '100',
  version: 1,
  status: 'open',
  scheme: null,
  incapacityStart: null,
  category: null,
  route: null,
  amiCase: null,
  amiStatus: null,
  closedOn: null,
  incapacityEndedOn: null,
  retentionUntil: null,
  outcome: null,
  openedAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};

const accepted = (version: number, at: string): AcceptedEntry => ({
  outcome: 'accepted',
  at,
  version,
  id: `e-${version}`,
  source: 'urn:rtw:org:insurer:100',
  type: 'be.rtw.consent.given',
  dataschema: 'urn:rtw:schema:be.rtw.consent.given:v1',
  occurredAt: at,
  correlationId: null,
  data: { scope: 'data-processing', writtenOn: '2026-03-13' },
});
const refused = (id: string, at: string): RefusedEntry => ({
  outcome: 'refused',
  at,
  id,
  source: 'urn:rtw:org:insurer:100',
  type: 'be.rtw.contact.held',
  reasonCode: 'CONTACT_UNKNOWN',
  message: 'The contact was never scheduled.',
});

const stored = (parts: Partial<StoredTimeline>): StoredTimeline => ({
  dossier: undefined,
  accepted: [],
  refused: [],
  deadlines: [],
  consents: [],
  relations: [],
  deliveries: [],
  ...parts,
});

describe('the timeline as presented', () => {
  const mask = PersonalDataMask.fromRegistry(ContractRegistry.load());

  it('puts refused events between the accepted ones in the order the tracker handled them', () => {
    const timeline = present(
      DOSSIER,
      stored({
        accepted: [
          accepted(1, '2026-03-01T10:00:00.000Z'),
          accepted(2, '2026-03-03T10:00:00.000Z'),
        ],
        refused: [
          refused('r-before', '2026-02-28T10:00:00.000Z'),
          refused('r-between', '2026-03-02T10:00:00.000Z'),
          refused('r-after', '2026-03-04T10:00:00.000Z'),
        ],
      }),
      mask,
    );

    expect(timeline.events.map((entry) => entry.id)).toEqual([
      'r-before',
      'e-1',
      'r-between',
      'e-2',
      'r-after',
    ]);
  });

  it('says identity is hidden and masks data and the residence when given a mask', () => {
    const timeline = present(
      DOSSIER,
      stored({
        accepted: [{ ...accepted(1, '2026-03-01T10:00:00.000Z'), dataschema: null }],
        dossier: {
          ...SUMMARY,
          state: { status: 'open', residence: { postalCode: '1050' } },
        },
      }),
      mask,
    );

    expect(timeline.identityShown).toBe(false);
    expect(timeline.events[0]).toMatchObject({ data: MASKED });
    expect(timeline.dossier?.state).toEqual({ status: 'open', residence: MASKED });
  });

  it('shows everything as stored without a mask, and a dossier of refusals only has no summary', () => {
    const entry = accepted(1, '2026-03-01T10:00:00.000Z');
    const timeline = present(DOSSIER, stored({ accepted: [entry] }), undefined);

    expect(timeline.identityShown).toBe(true);
    expect(timeline.events).toEqual([entry]);
    expect(timeline.dossier).toBeNull();
  });
});

describe('who sees identity', () => {
  const actor = (roles: readonly string[]): SupportActor => ({
    organisation: {} as SupportActor['organisation'],
    subject: 'agent-7',
    roles: rolesOf([...roles]),
  });

  it.each(SUPPORT_ROLES.map((role) => [role, role === 'privacy-officer']))(
    'the %s role: %s',
    (role, shown) => {
      expect(showsIdentity(actor([role]))).toBe(shown);
    },
  );
});
