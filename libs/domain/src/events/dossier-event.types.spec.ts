import type { CanonicalEvent, CanonicalEventOfType } from '@rtw/contract-types';
import { DOSSIER_EVENT_TYPES, isDossierEventType } from './dossier-event-types.data';
import type { DossierEvent, DossierEventType, EventOf } from './dossier-event.types';

// The domain's event types are derived from the generated contract types (ADR 0045): these
// assignments compile only while every canonical dossier event, in every version, is a
// DossierEvent, and a dossier event's data is exactly its contracts' data.
type DossierCanonicalEvent = Extract<CanonicalEvent, { type: DossierEventType }>;
const accepts = (event: DossierCanonicalEvent): DossierEvent => event;
const dataOf = (
  event: CanonicalEventOfType<'be.rtw.ami.suspended'>,
): EventOf<'be.rtw.ami.suspended'>['data'] => event.data;

describe('dossier event types', () => {
  it('lists every canonical type except the hub-produced ones', () => {
    expect(DOSSIER_EVENT_TYPES).toContain('be.rtw.dossier.opened');
    expect(DOSSIER_EVENT_TYPES).not.toContain('be.rtw.event.rejected');
    expect(DOSSIER_EVENT_TYPES.filter((type) => type.startsWith('be.rtw.deadline.'))).toEqual([]);
    expect(isDossierEventType('be.rtw.delivery.failed')).toBe(false);
    expect(typeof accepts).toBe('function');
    expect(typeof dataOf).toBe('function');
  });
});
