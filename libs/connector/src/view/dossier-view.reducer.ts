// The connector's copy of a dossier, kept from the accepted events on rtw.dossier.events.v1: the
// identity and facts the partner contracts need (PartnerDossierView) and the consents in force.
// Pure: the processor loads and stores views; this says what an event does to one.
import type {
  ConsentGivenV1,
  ConsentWithdrawnV1,
  DossierOpenedV1,
  DossierUpdatedV1,
} from '@rtw/contracts';
import type { CloudEvent } from '@rtw/messaging';
import type { PartnerDossierView } from '@rtw/partners';
import { readableVersion } from './event-version';

/** What a view is: the partner contracts' view of the dossier. */
export type ConnectorDossierView = PartnerDossierView;

/**
 * `be.rtw.dossier.updated` data. Version 2 adds `scheme` (e.g. salaried to unemployed when the
 * contract ends); v1 data is valid v2 data, so one reader serves both.
 */
type DossierUpdate = DossierUpdatedV1 & { readonly scheme?: PartnerDossierView['scheme'] };

/** The hub event that ends a dossier's retention: every copy of it goes. */
export const DOSSIER_PURGED = 'be.rtw.dossier.purged';

/** The event types that change a view, with the contract versions the reducer reads. */
export const VIEW_EVENT_VERSIONS: Readonly<Record<string, readonly number[]>> = {
  'be.rtw.dossier.opened': [1],
  'be.rtw.dossier.updated': [1, 2],
  'be.rtw.consent.given': [1],
  'be.rtw.consent.withdrawn': [1],
  [DOSSIER_PURGED]: [1],
};

/** True for the event types that change a view. */
export function changesView(type: string): boolean {
  return Object.hasOwn(VIEW_EVENT_VERSIONS, type);
}

/**
 * The view after `event`: a new view on `dossier.opened`, the changed facts on `dossier.updated`,
 * the consent dates on `consent.*`, and no view at all once the dossier is purged. An update of a
 * dossier this connector never saw opened leaves it unknown (a referral then says so).
 */
export function evolveView(
  view: ConnectorDossierView | undefined,
  event: CloudEvent,
): ConnectorDossierView | undefined {
  readableVersion(event, VIEW_EVENT_VERSIONS[event.type] ?? []);
  switch (event.type) {
    case 'be.rtw.dossier.opened':
      return opened(event as CloudEvent<DossierOpenedV1>);
    case DOSSIER_PURGED:
      return undefined;
  }
  if (view === undefined) return undefined;
  switch (event.type) {
    case 'be.rtw.dossier.updated':
      return updated(view, (event as CloudEvent<DossierUpdate>).data);
    case 'be.rtw.consent.given': {
      const { scope, writtenOn } = (event as CloudEvent<ConsentGivenV1>).data;
      return { ...view, consents: { ...view.consents, [scope]: writtenOn } };
    }
    case 'be.rtw.consent.withdrawn': {
      const { scope } = (event as CloudEvent<ConsentWithdrawnV1>).data;
      const consents = { ...view.consents };
      delete consents[scope];
      return { ...view, consents };
    }
  }
  return view;
}

function opened(event: CloudEvent<DossierOpenedV1>): ConnectorDossierView {
  const { insured, scheme, employment, incapacity } = event.data;
  return {
    dossierId: event.subject,
    insurerCode: event.insurer ?? '',
    insured,
    scheme,
    employment,
    incapacity,
    consents: {},
  };
}

function updated(view: ConnectorDossierView, update: DossierUpdate): ConnectorDossierView {
  return {
    ...view,
    insured: { ...view.insured, ...update.insured },
    // The event carries the whole employment situation at its time, not a patch: a contract that
    // ended takes the employer and job title with it.
    employment: update.employment ?? view.employment,
    incapacity: update.incapacity ? { ...view.incapacity, ...update.incapacity } : view.incapacity,
    scheme: update.scheme ?? view.scheme,
  };
}
