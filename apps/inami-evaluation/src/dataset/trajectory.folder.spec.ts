import {
  cpmtDecisionBThenAmiCase4,
  REGIONAL_RESIDENCES,
  routeASalariedWithCpmt,
  routeBToRegionalService,
  type ScriptedTrajectory,
} from '@rtw/testing';
import type { DossierHistory } from './dataset.types';
import { addMonths } from './dataset.calendar';
import { FOLDED_EVENT_TYPES, foldTrajectory, relapseOf } from './trajectory.folder';

const pseudonym = 'a'.repeat(64);

/** A scripted trajectory as the event store holds it. */
function historyOf(
  trajectory: ScriptedTrajectory,
  deadlines: DossierHistory['deadlines'] = [],
): DossierHistory {
  return {
    dossierId: trajectory.dossierId,
    events: trajectory.events.map((event) => ({
      eventId: event['id'] as string,
      type: event['type'] as string,
      occurredAt: new Date(event['time'] as string),
      data: event['data'] as Record<string, unknown>,
    })),
    deadlines,
  };
}

/** Route A from an incapacity starting 2026-01-12: day 70 is 2026-03-23, day 80 2026-04-02. */
const routeA = () => routeASalariedWithCpmt({ incapacityStart: '2026-01-12' });

describe('folding one trajectory into the dataset', () => {
  it('describes the person in bands and codes only: age band, sex, region, scheme, contract type, category, route', () => {
    const { record } = foldTrajectory(historyOf(routeA()), { year: 2026, pseudonym });
    // The example insured (born 1979-04-18, Gent, F) at an incapacity start of 2026-01-12.
    expect(record).toMatchObject({
      pseudonym,
      ageBand: '45-54',
      sex: 'F',
      region: 'flanders',
      scheme: 'salaried',
      contractType: 'employment-contract',
      category: 4,
      route: 'A',
    });
  });

  it('counts each action in the quarter of its own date, each person once per cell', () => {
    const folded = foldTrajectory(historyOf(routeA()), { year: 2026, pseudonym });
    expect(folded.inYear).toBe(true);
    // sent day 70 (Q1), received day 80 complete (Q2), category day 100 (Q2), declaration signed
    // day 125 (Q2), plan day 140 (Q2), partial resumption day 405 (2027: not counted).
    expect(folded.cells.sort()).toEqual(
      [
        'questionnairesSent@1',
        'questionnairesReceived@2',
        'completedQuestionnairesReceived@2',
        'category4@2',
        'positiveEngagementDeclarationsSigned@2',
        'engagementDeclarationsSigned@2',
        'plansDrafted@2',
      ].sort(),
    );
  });

  it('counts the actions of the following year in that year only', () => {
    const folded = foldTrajectory(historyOf(routeA()), { year: 2027, pseudonym });
    expect(folded.inYear).toBe(true);
    expect(folded.cells).toEqual(['partTimeResumptions@1']);
  });

  it('leaves out a trajectory with no action in the year', () => {
    expect(foldTrajectory(historyOf(routeA()), { year: 2025, pseudonym }).inYear).toBe(false);
  });

  it('gives the days between the steps that happened', () => {
    const { record } = foldTrajectory(historyOf(routeA()), { year: 2026, pseudonym });
    expect(record.durations).toEqual({
      incapacityToQuestionnaireSent: 70,
      questionnaireSentToReceived: 10,
      incapacityToCategorisation: 100,
      incapacityToFirstContact: 110,
      firstContactToReferral: 2,
      incapacityToEngagementDeclaration: 125,
      engagementDeclarationToPlan: 15,
      incapacityToWorkResumption: 405,
      incapacityToClosure: 410,
    });
    expect(record).toMatchObject({ workResumption: 'partial', outcome: 'work-resumed' });
  });

  it('counts a regional referral and its registration per service, route B, and the days between them', () => {
    const trajectory = routeBToRegionalService(REGIONAL_RESIDENCES.forem, {
      incapacityStart: '2026-01-12',
    });
    const folded = foldTrajectory(historyOf(trajectory), { year: 2026, pseudonym });
    expect(folded.record).toMatchObject({
      region: 'wallonia',
      scheme: 'self-employed',
      contractType: 'no-employment-contract',
      route: 'B',
      outcome: 'work-resumed',
    });
    expect(folded.cells).toEqual(
      expect.arrayContaining(['referrals:forem@2', 'registrations:forem@2']),
    );
    expect(folded.record.durations?.referralToRegistration).toBe(2);
    expect(folded.record.category).toBeUndefined();
  });

  it('counts a CPMT reintegration trajectory and its decision', () => {
    const trajectory = cpmtDecisionBThenAmiCase4({ incapacityStart: '2026-01-12' });
    const folded = foldTrajectory(historyOf(trajectory), { year: 2026, pseudonym });
    expect(folded.cells).toEqual(
      expect.arrayContaining(['cpmtReintegrationTrajectoriesStarted@2', 'decisionB@2']),
    );
    expect(folded.record.outcome).toBe('open');
  });

  it('says of each legal deadline whether it was met or missed, leaving out the retention clock', () => {
    const { record } = foldTrajectory(
      historyOf(routeA(), [
        { ruleId: 'questionnaire-send', status: 'met' },
        { ruleId: 'questionnaire-return', status: 'missed' },
        { ruleId: 'contact-first-route-a', status: 'open' },
        { ruleId: 'retention-dossier-data', status: 'open' },
      ]),
      { year: 2026, pseudonym },
    );
    expect(record.deadline).toEqual([
      { rule: 'questionnaire-send', status: 'met' },
      { rule: 'questionnaire-return', status: 'missed' },
      { rule: 'contact-first-route-a', status: 'open' },
    ]);
  });

  describe('relapse within 12 months of the work resumption', () => {
    // Route A's partial resumption is on day 405: 2027-02-21; its window ends on 2028-02-21.
    const relapse = (nextIncapacityStart: string | undefined, asOf: string | undefined) =>
      foldTrajectory(
        { ...historyOf(routeA()), ...(nextIncapacityStart ? { nextIncapacityStart } : {}) },
        { year: 2027, pseudonym, ...(asOf ? { asOf } : {}) },
      ).record.relapseWithin12Months;

    it('is yes when the next incapacity began within the 12 months', () => {
      expect(relapse('2027-09-01', '2027-10-01')).toBe('yes');
      expect(relapse('2028-02-21', '2028-03-01')).toBe('yes');
    });

    it('is no once the 12 months have passed without one, or when the next began after them', () => {
      expect(relapse(undefined, '2028-02-22')).toBe('no');
      expect(relapse('2028-05-01', '2028-06-01')).toBe('no');
    });

    it('is not yet observable while the 12 months run at the build', () => {
      expect(relapse(undefined, '2027-06-01')).toBe('not-yet-observable');
      expect(relapse(undefined, '2028-02-21')).toBe('not-yet-observable');
    });

    it('is absent without a work resumption, and without a build date', () => {
      const noResumption = cpmtDecisionBThenAmiCase4({ incapacityStart: '2026-01-12' });
      expect(
        noResumption.events.some((event) => String(event['type']).endsWith('work.resumed')),
      ).toBe(false);
      expect(
        foldTrajectory(historyOf(noResumption), { year: 2026, pseudonym, asOf: '2028-01-01' })
          .record.relapseWithin12Months,
      ).toBeUndefined();
      expect(relapse(undefined, undefined)).toBeUndefined();
    });

    it('ignores a next incapacity that began before the resumption', () => {
      expect(relapseOf('2027-02-21', '2026-12-01', '2027-03-01')).toBe('not-yet-observable');
    });

    it('counts months on the calendar, a day past the month’s end falling to its last day', () => {
      expect(addMonths('2027-02-21', 12)).toBe('2028-02-21');
      expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
      expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    });
  });

  it('never carries the NISS, a name, the birth date or the postal code', () => {
    const trajectory = routeA();
    const text = JSON.stringify(foldTrajectory(historyOf(trajectory), { year: 2026, pseudonym }));
    const opened = trajectory.events[0]!['data'] as { insured: Record<string, unknown> };
    for (const value of [
      trajectory.niss,
      opened.insured['lastName'],
      opened.insured['firstName'],
      opened.insured['birthDate'],
      (opened.insured['residence'] as Record<string, unknown>)['postalCode'],
      trajectory.dossierId,
    ]) {
      expect(text).not.toContain(value as string);
    }
  });

  describe('with inconsistent events (counted where possible, listed, never dropped)', () => {
    it('keeps a trajectory whose opening is missing, with unknown attributes, and reports it', () => {
      const history = historyOf(routeA());
      const folded = foldTrajectory(
        { ...history, events: history.events.slice(1) },
        { year: 2026, pseudonym },
      );
      expect(folded.inYear).toBe(true);
      expect(folded.record).toMatchObject({
        ageBand: 'unknown',
        sex: 'unknown',
        region: 'unknown',
      });
      expect(folded.cells).toContain('questionnairesSent@1');
      expect(folded.findings).toEqual([{ pseudonym, code: 'OPENING_MISSING' }]);
    });

    it('drops only the duration of a step dated before the one it follows, and reports it', () => {
      const history = historyOf(routeA());
      const events = history.events.map((event) =>
        event.type === 'be.rtw.questionnaire.returned'
          ? { ...event, data: { ...event.data, receivedOn: '2026-03-01' } }
          : event,
      );
      const folded = foldTrajectory({ ...history, events }, { year: 2026, pseudonym });
      expect(folded.record.durations?.questionnaireSentToReceived).toBeUndefined();
      expect(folded.record.durations?.incapacityToQuestionnaireSent).toBe(70);
      expect(folded.cells).toContain('completedQuestionnairesReceived@1');
      expect(folded.findings).toEqual([
        { pseudonym, code: 'STEP_OUT_OF_ORDER', eventType: 'questionnaire.returned' },
      ]);
    });

    it('reports a registration for a referral the dossier never made, and dates an action without its date by the event time', () => {
      const trajectory = routeBToRegionalService(REGIONAL_RESIDENCES.actiris, {
        incapacityStart: '2026-01-12',
      });
      const history = historyOf(trajectory);
      const events = history.events
        .filter((event) => event.type !== 'be.rtw.regional.referral.requested')
        .map((event) => {
          if (event.type !== 'be.rtw.questionnaire.sent') return event;
          const { sentOn: _sentOn, ...data } = event.data;
          return { ...event, occurredAt: new Date('2026-11-30T23:30:00Z'), data };
        });
      const folded = foldTrajectory({ ...history, events }, { year: 2026, pseudonym });
      expect(folded.findings).toEqual([
        { pseudonym, code: 'DATE_MISSING', eventType: 'questionnaire.sent' },
        {
          pseudonym,
          code: 'REFERRAL_UNKNOWN',
          eventType: 'regional.registration.acknowledged',
        },
        // Dated by its event time, the questionnaire now comes after its return.
        { pseudonym, code: 'STEP_OUT_OF_ORDER', eventType: 'questionnaire.returned' },
      ]);
      // 23:30 UTC on 30 November is 1 December in Brussels: the fourth quarter.
      expect(folded.cells).toContain('questionnairesSent@4');
      expect(folded.cells.some((cell) => cell.startsWith('registrations:'))).toBe(false);
    });
  });

  describe('what the reader may leave in the event store', () => {
    it('folds the same contribution from the FOLDED_EVENT_TYPES events alone as from every event', () => {
      for (const trajectory of [
        routeA(),
        routeBToRegionalService(REGIONAL_RESIDENCES.vdab, { incapacityStart: '2026-01-12' }),
        cpmtDecisionBThenAmiCase4({ incapacityStart: '2026-01-12' }),
      ]) {
        const history = historyOf(trajectory);
        const read = {
          ...history,
          events: history.events.filter((event) => FOLDED_EVENT_TYPES.includes(event.type)),
        };
        expect(read.events.length).toBeLessThan(history.events.length);
        expect(foldTrajectory(read, { year: 2026, pseudonym })).toEqual(
          foldTrajectory(history, { year: 2026, pseudonym }),
        );
      }
    });
  });

  describe('the evidence for the reconciliation report', () => {
    it('names, for each cell the person counts in, the ids of the events that counted them', () => {
      const trajectory = routeA();
      const folded = foldTrajectory(historyOf(trajectory), { year: 2026, pseudonym });
      const idOf = (type: string) =>
        trajectory.events.find((event) => event['type'] === `be.rtw.${type}`)!['id'];
      expect(folded.evidence.map((entry) => entry.cell).sort()).toEqual([...folded.cells].sort());
      expect(folded.evidence).toContainEqual({
        cell: 'questionnairesSent@1',
        eventIds: [idOf('questionnaire.sent')],
      });
      expect(folded.evidence).toContainEqual({
        cell: 'positiveEngagementDeclarationsSigned@2',
        eventIds: [idOf('ami.launched')],
      });
    });
  });
});
