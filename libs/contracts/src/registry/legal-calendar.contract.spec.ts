import { LEGAL_CALENDAR, isDossierEventType } from '@rtw/domain';
import { exampleEvent, setAt } from '../testing/example-events.fixture';
import { ContractRegistry } from './contract.registry';

// The tracker announces every deadline of the domain's legal calendar in be.rtw.deadline.*
// events: each rule id must be a ruleId these contracts accept, and each event a rule names
// must be a contract.
describe('the legal calendar against the contracts', () => {
  const registry = ContractRegistry.load();

  it.each(LEGAL_CALENDAR.map((rule) => rule.id))(
    'rule %s can travel as the ruleId of due-soon and missed notices',
    (id) => {
      for (const type of ['deadline.due-soon', 'deadline.missed']) {
        const notice = setAt(exampleEvent(type), '/data/ruleId', id);
        expect(registry.validateEvent(notice)).toMatchObject({ ok: true });
      }
    },
  );

  it('names only contract event types as start, fulfilling or cancelling events', () => {
    const named = LEGAL_CALENDAR.flatMap((r) => [r.startEvent, ...r.fulfilledBy, ...r.cancelledBy]);
    expect(named.filter((type) => !registry.hasType(type) || !isDossierEventType(type))).toEqual(
      [],
    );
  });
});
