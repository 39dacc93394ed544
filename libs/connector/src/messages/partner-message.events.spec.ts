import { ContractRegistry } from '@rtw/contracts';
import { PartnerContracts } from '@rtw/partners';
import {
  TEST_RESIDENCES,
  consentGiven,
  dossierOpened,
  newDossier,
  regionalReferralRequested,
} from '@rtw/testing';
import type { ConnectorDossierView } from '../view/dossier-view.reducer';
import { evolveView } from '../view/dossier-view.reducer';
import { regionalReferralTranslator } from '../referral/regional-referral.translator';
import { WITHHELD_REASONS } from '../referral/withheld-reasons.data';
import { outboxMessageOf, preparedEvent, withheldEvent } from './partner-message.events';

const registry = ContractRegistry.load();
let partnerContracts: PartnerContracts;
beforeAll(async () => {
  partnerContracts = await PartnerContracts.load();
});
afterAll(() => partnerContracts.dispose());

const translator = regionalReferralTranslator(['actiris']);
const dossier = newDossier('300');
const opened = dossierOpened(dossier, { residence: TEST_RESIDENCES.brussels });
const cause = regionalReferralRequested(dossier, 'actiris');
const referral = translator.referralOf(cause)!;
const now = new Date('2026-06-03T08:15:00Z');
const caused = { cause, referral, insurer: '300', now };

describe('the prepared message', () => {
  it('carries the FIA for delivery on Actiris’s outbound topic, keyed by the dossier', () => {
    const view = [opened, consentGiven(dossier, 'regional-service')].reduce<
      ConnectorDossierView | undefined
    >(evolveView, undefined)!;
    const document = translator.build(partnerContracts, {
      view,
      referral,
      context: {
        messageId: 'm-1',
        createdAt: now.toISOString(),
        presentationDeadline: '2026-09-02',
      },
    });
    const event = preparedEvent({
      ...caused,
      id: 'c0ffee00-0000-5000-8000-000000000001',
      document,
    });
    const message = outboxMessageOf(registry, event);

    expect(message).toMatchObject({ topic: 'rtw.outbound.actiris.v1', key: dossier.dossierId });
    expect(message.headers).toMatchObject({
      ce_id: 'c0ffee00-0000-5000-8000-000000000001',
      ce_source: 'urn:rtw:org:hub',
      ce_type: 'be.rtw.partner-message.prepared',
      ce_subject: dossier.dossierId,
      ce_insurer: '300',
      ce_correlationid: cause.correlationid,
    });
    expect(JSON.parse(message.value as string)).toEqual({
      partner: 'actiris',
      organisation: { kind: 'regional', code: 'actiris' },
      messageType: 'fia',
      contract: 'urn:rtw:partner:actiris:fia:v1',
      contentType: 'application/xml',
      body: document.body,
      referralId: referral.referralId,
      causationId: cause.id,
    });
  });
});

describe('the withheld notice', () => {
  it.each(WITHHELD_REASONS)(
    'for %s passes its contract, goes to the insurer and names no person',
    (reason) => {
      const event = withheldEvent({
        ...caused,
        id: 'c0ffee00-0000-5000-8000-000000000002',
        withholding: { reason, competent: 'VDAB', pointer: '/coordinator' },
      });
      const message = outboxMessageOf(registry, event);
      expect(message.topic).toBe('rtw.notify.300.v1');
      expect(event.data).toMatchObject({ reasonCode: reason, referralId: referral.referralId });
      for (const personal of [
        opened.data.insured.niss,
        opened.data.insured.lastName,
        TEST_RESIDENCES.brussels.municipality,
      ])
        expect(message.value).not.toContain(personal);
    },
  );

  it('is refused before the outbox when it breaks its own contract', () => {
    const event = withheldEvent({
      ...caused,
      insurer: 'XYZ',
      id: 'c0ffee00-0000-5000-8000-000000000003',
      withholding: { reason: 'NOT_LINKED' },
    });
    expect(() => outboxMessageOf(registry, event)).toThrow(
      expect.objectContaining({ code: 'CONNECTOR_MESSAGE_INVALID', retriable: false }),
    );
  });
});
