import { DOSSIER_EVENT_TYPES } from '../events/dossier-event-types.data';
import { clockStartOn, dueWindow, valueAt } from './due-date.calculator';
import type { DeadlineRule } from './deadline-rule.types';
import { LEGAL_CALENDAR } from './legal-calendar.data';
import {
  deadlineRuleById,
  rulesCancelledBy,
  rulesFulfilledBy,
  rulesStartedBy,
} from './legal-calendar.lookup';

function rule(id: string): DeadlineRule {
  const found = deadlineRuleById(id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

describe('the legal calendar data', () => {
  it('has unique ids and only names event types the state machine knows', () => {
    const ids = LEGAL_CALENDAR.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of LEGAL_CALENDAR) {
      expect(DOSSIER_EVENT_TYPES).toContain(r.startEvent);
      for (const type of [...r.fulfilledBy, ...r.cancelledBy]) {
        expect(DOSSIER_EVENT_TYPES).toContain(type);
      }
    }
  });

  it('uses ids the be.rtw.deadline.* contracts accept as ruleId', () => {
    for (const { id } of LEGAL_CALENDAR) expect(id).toMatch(/^[a-z][a-z0-9-]{0,63}$/);
  });

  it('never lists an event both as meeting and as cancelling the same deadline', () => {
    for (const r of LEGAL_CALENDAR) {
      expect([r.id, r.fulfilledBy.filter((type) => r.cancelledBy.includes(type))]).toEqual([
        r.id,
        [],
      ]);
    }
  });

  it('lets the closure of the dossier cancel every deadline but the retention of its data', () => {
    expect(rulesCancelledBy('be.rtw.dossier.closed').map((r) => r.id)).toEqual(
      LEGAL_CALENDAR.map((r) => r.id).filter((id) => id !== 'retention-dossier-data'),
    );
    expect(deadlineRuleById('retention-dossier-data')).toMatchObject({
      fulfilledBy: [],
      cancelledBy: [],
    });
  });

  it('lets the end of the trajectory cancel every deadline it does not meet, but retention', () => {
    expect(rulesCancelledBy('be.rtw.trajectory.closed').map((r) => r.id)).toEqual(
      LEGAL_CALENDAR.map((r) => r.id).filter(
        (id) => id !== 'retention-dossier-data' && id !== 'plan-self-employed-presumption',
      ),
    );
    expect(rulesFulfilledBy('be.rtw.trajectory.closed').map((r) => r.id)).toEqual([
      'plan-self-employed-presumption',
    ]);
  });

  it('cancels rather than meets a deadline on an exemption or a rejection by the partner', () => {
    expect(rulesCancelledBy('be.rtw.questionnaire.exempted').map((r) => r.id)).toEqual([
      'questionnaire-send',
      'questionnaire-return',
    ]);
    expect(rulesFulfilledBy('be.rtw.questionnaire.exempted')).toEqual([]);
    expect(rulesCancelledBy('be.rtw.regional.registration.rejected').map((r) => r.id)).toEqual([
      'regional-actiris-presentation',
    ]);
    expect(rulesCancelledBy('be.rtw.cpmt.trajectory.ended').map((r) => r.id)).toEqual([
      'cpmt-reintegration-assessment',
    ]);
  });

  it('starts no clock on missed examinations or allowance reductions, for which no term is known', () => {
    for (const type of [
      'be.rtw.examination.missed',
      'be.rtw.allowance.reduced',
      'be.rtw.allowance.reduction.ended',
      'be.rtw.contact.missed',
    ] as const) {
      expect([type, rulesStartedBy(type), rulesFulfilledBy(type)]).toEqual([type, [], []]);
    }
  });

  it('holds every clock of DOMAIN.md section 3', () => {
    expect(LEGAL_CALENDAR.map((r) => r.id).sort()).toEqual([
      'ami-follow-up-interview',
      'capacity-first-estimate',
      'contact-after-route-b-refusal',
      'contact-first-route-a',
      'contact-first-route-b',
      'cpmt-reintegration-assessment',
      'plan-follow-up',
      'plan-follow-up-after-review',
      'plan-self-employed-presumption',
      'questionnaire-return',
      'questionnaire-send',
      'regional-actiris-presentation',
      'retention-dossier-data',
    ]);
  });

  it('marks only the CPMT 49-day assessment as secondary', () => {
    expect(LEGAL_CALENDAR.filter((r) => r.secondary).map((r) => r.id)).toEqual([
      'cpmt-reintegration-assessment',
    ]);
  });

  it('finds rules by the event that starts or fulfils them', () => {
    expect(rulesStartedBy('be.rtw.dossier.opened').map((r) => r.id)).toEqual([
      'questionnaire-send',
      'capacity-first-estimate',
    ]);
    expect(rulesFulfilledBy('be.rtw.cpmt.assessment.decided').map((r) => r.id)).toEqual([
      'cpmt-reintegration-assessment',
    ]);
    expect(deadlineRuleById('no-such-rule')).toBeUndefined();
  });
});

describe('dueWindow', () => {
  it.each([
    ['questionnaire-send', '2024-01-01', '2024-03-11'],
    ['questionnaire-return', '2024-03-01', '2024-03-15'],
    ['contact-first-route-a', '2024-01-31', '2024-02-29'],
    ['contact-first-route-b', '2024-05-15', '2024-06-15'],
    ['contact-after-route-b-refusal', '2024-08-31', '2024-09-30'],
    ['ami-follow-up-interview', '2024-06-03', '2024-07-03'],
    ['plan-follow-up', '2024-11-30', '2025-02-28'],
    ['plan-follow-up-after-review', '2024-02-29', '2024-05-29'],
    ['regional-actiris-presentation', '2024-05-02', '2024-08-02'],
    ['cpmt-reintegration-assessment', '2024-03-01', '2024-04-19'],
    ['plan-self-employed-presumption', '2024-08-31', '2025-02-28'],
  ])('%s started on %s is due on %s', (id, startOn, dueOn) => {
    expect(dueWindow(rule(id), startOn)).toEqual({ startOn, dueOn });
  });

  it('gives the 4th month of incapacity as a window, the start day being day 1', () => {
    expect(dueWindow(rule('capacity-first-estimate'), '2024-01-01')).toEqual({
      startOn: '2024-01-01',
      opensOn: '2024-04-01',
      dueOn: '2024-04-30',
    });
  });

  it('keeps dossier data until 31 December of the third year after the year the incapacity ended', () => {
    expect(dueWindow(rule('retention-dossier-data'), '2024-05-10').dueOn).toBe('2027-12-31');
    expect(dueWindow(rule('retention-dossier-data'), '2024-12-31').dueOn).toBe('2027-12-31');
  });
});

describe('clockStartOn', () => {
  const returned = (complete: boolean, returnToWorkRequested: boolean) => ({
    type: 'be.rtw.questionnaire.returned',
    data: { receivedOn: '2024-05-15', complete, returnToWorkRequested },
  });

  it('starts route B only for a complete questionnaire that asks for a trajectory', () => {
    expect(clockStartOn(rule('contact-first-route-b'), returned(true, true))).toBe('2024-05-15');
    expect(clockStartOn(rule('contact-first-route-b'), returned(false, true))).toBeUndefined();
    expect(clockStartOn(rule('contact-first-route-b'), returned(true, false))).toBeUndefined();
  });

  it('ignores events of another type', () => {
    expect(clockStartOn(rule('questionnaire-return'), returned(true, true))).toBeUndefined();
  });

  it('reads a nested start date (incapacity start in dossier.opened)', () => {
    const opened = {
      type: 'be.rtw.dossier.opened',
      data: { incapacity: { startDate: '2024-01-08' } },
    };
    expect(clockStartOn(rule('questionnaire-send'), opened)).toBe('2024-01-08');
  });

  it('starts the plan follow-up on the date the plan was drafted', () => {
    const drafted = {
      type: 'be.rtw.plan.drafted',
      data: { planId: 'p1', draftedOn: '2024-08-31' },
    };
    expect(clockStartOn(rule('plan-follow-up'), drafted)).toBe('2024-08-31');
  });

  it('starts the self-employed clock only for self-employed and helping-spouse dossiers', () => {
    const drafted = {
      type: 'be.rtw.plan.drafted',
      data: { planId: 'p1', draftedOn: '2024-08-31' },
    };
    const presumption = rule('plan-self-employed-presumption');
    expect(clockStartOn(presumption, drafted, { scheme: 'self-employed' })).toBe('2024-08-31');
    expect(clockStartOn(presumption, drafted, { scheme: 'helping-spouse' })).toBe('2024-08-31');
    expect(clockStartOn(presumption, drafted, { scheme: 'salaried' })).toBeUndefined();
    expect(clockStartOn(presumption, drafted)).toBeUndefined();
  });

  it('gives no start when the date is missing or not a real date', () => {
    const sent = (sentOn: unknown) => ({ type: 'be.rtw.questionnaire.sent', data: { sentOn } });
    expect(clockStartOn(rule('questionnaire-return'), sent(undefined))).toBeUndefined();
    expect(clockStartOn(rule('questionnaire-return'), sent('2023-02-29'))).toBeUndefined();
    expect(
      clockStartOn(rule('questionnaire-return'), sent('2024-03-01T10:00:00Z')),
    ).toBeUndefined();
  });
});

describe('valueAt', () => {
  it('reads own properties only, never the prototype chain', () => {
    expect(valueAt({ data: { a: 1 } }, 'data.a')).toBe(1);
    expect(valueAt({ data: {} }, 'data.constructor')).toBeUndefined();
    expect(valueAt({ data: null }, 'data.a')).toBeUndefined();
  });
});
