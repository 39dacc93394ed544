import {
  cpmtDecisionBThenAmiCase4,
  employerCpmtTrajectorySuspendingAmi,
  waitUntil,
  type JsonEvent,
} from '@rtw/testing';
import { BATCH, SINGLE, post } from '../../apps/gateway/src/testing/gateway.fixture';
import { startHub, type RunningHub } from '../support/hub.fixture';

const DAY = 86_400_000;
const DECIDING_CPMT = '0403170701';
/** The internal prevention service of a large employer (config/prevention-services.json). */
const VISITING_CPMT = '0412345614';
const ITS_EMPLOYER = '0537294183';

/** Today in Brussels (the sandbox dates its answers so), and the incapacity start `days` before. */
function startedDaysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
    new Date(),
  );
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
}

function upTo(events: JsonEvent[], type: string): JsonEvent[] {
  return events.slice(0, events.findIndex((event) => event['type'] === type) + 1);
}

// Issue "CPMT and regional connectors": the occupational physician's cycle through the hub, with
// the sandbox playing two prevention services, and the law's interplay between CPMT and AMI.
describe('a referral to the occupational physician (CPMT), from the insurer to the CPMT and back', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    hub = await startHub({
      sandboxScripts: {
        [`cpmt:${DECIDING_CPMT}`]: [
          { answer: 'referral.accepted' },
          { answer: 'trajectory.started', data: { requestedBy: 'insured' } },
          { answer: 'assessment.decided', data: { decision: 'B' } },
          { answer: 'trajectory.ended', data: { outcome: 'definitively-unfit' } },
        ],
        [`cpmt:${VISITING_CPMT}`]: [{ answer: 'referral.accepted' }, { answer: 'visit.held' }],
      },
    });
  });
  afterAll(async () => {
    if (hub) {
      const codes = await hub.stop();
      expect(Object.values(codes).every((code) => code === 0)).toBe(true);
    }
  });

  const submit = async (events: JsonEvent[], organisation = 'insurer:100') => {
    const response =
      events.length === 1
        ? await post(`${hub.url('gateway')}/v1/events`, events[0], {
            'content-type': SINGLE,
            authorization: await hub.bearer(organisation),
          })
        : await post(`${hub.url('gateway')}/v1/events/batch`, events, {
            'content-type': BATCH,
            authorization: await hub.bearer(organisation),
          });
    expect(response.status).toBeLessThan(300);
  };
  const dossier = async (dossierId: string) =>
    (
      await hub.db.query(
        `SELECT "version", "ami_case", "ami_status" FROM "dossiers" WHERE "dossier_id" = $1`,
        [dossierId],
      )
    )[0] as { version: number; ami_case: number | null; ami_status: string | null } | undefined;
  const atVersion = (dossierId: string, version: number, what: string) =>
    waitUntil(async () => (await dossier(dossierId))?.version === version, what, 120_000);
  const processedBy = async (cpmt: string, dossierId: string) => {
    const org = encodeURIComponent(`cpmt:${cpmt}`);
    const response = await fetch(`${hub.url('partner-sandbox')}/control/deliveries?org=${org}`);
    const { deliveries } = (await response.json()) as {
      deliveries: Array<{ dossierId?: string; processed: boolean; acknowledged: number }>;
    };
    return deliveries.filter((d) => d.dossierId === dossierId);
  };

  it('takes the CPMT from referral to decision B and a definitive end, after which AMI case 4 opens', async () => {
    const trajectory = cpmtDecisionBThenAmiCase4({
      incapacityStart: startedDaysAgo(113),
      preventionService: DECIDING_CPMT,
    });
    const { dossierId } = trajectory;
    const sent = upTo(trajectory.events, 'be.rtw.cpmt.referral.requested');

    await submit(sent);

    // The referral reaches the CPMT once; its four answers come back onto the dossier.
    await atVersion(dossierId, sent.length + 4, 'the CPMT answers on the dossier');
    expect((await processedBy(DECIDING_CPMT, dossierId)).map((d) => d.acknowledged)).toEqual([1]);
    const today = startedDaysAgo(0);
    const launch = trajectory.events.at(-1)!;
    launch['data'] = {
      ...(launch['data'] as Record<string, unknown>),
      launchedOn: today,
      engagementDeclaration: {
        coordinatorSignedOn: today,
        medicalAdvisorSignedOn: today,
        insuredSignedOn: today,
      },
    };
    await submit([launch]);
    await atVersion(dossierId, sent.length + 5, 'AMI case 4 launched');
    expect(await dossier(dossierId)).toMatchObject({ ami_case: 4, ami_status: 'launched' });
  });

  it('suspends a running AMI case 3 while a CPMT trajectory the employer asked for runs, and resumes it when that ends', async () => {
    const trajectory = employerCpmtTrajectorySuspendingAmi({
      incapacityStart: startedDaysAgo(113),
      preventionService: VISITING_CPMT,
      employer: ITS_EMPLOYER,
    });
    const { dossierId, events } = trajectory;
    const byType = (type: string) => events.find((event) => event['type'] === type)!;
    const sent = upTo(events, 'be.rtw.cpmt.referral.requested');

    await submit(sent);
    // The sandbox, as the CPMT, accepts the referral and holds the pre-reintegration visit.
    await atVersion(dossierId, sent.length + 2, 'the visit on the dossier');
    expect((await processedBy(VISITING_CPMT, dossierId)).map((d) => d.processed)).toEqual([true]);

    let version = sent.length + 2;
    const step = async (type: string, organisation: string, ami: Record<string, unknown>) => {
      await submit([byType(type)], organisation);
      version += 1;
      await atVersion(dossierId, version, type);
      expect(await dossier(dossierId)).toMatchObject(ami);
    };
    const cpmt = `cpmt:${VISITING_CPMT}`;
    await step('be.rtw.ami.launched', 'insurer:100', { ami_case: 3, ami_status: 'launched' });
    await step('be.rtw.cpmt.trajectory.started', cpmt, { ami_status: 'launched' });
    await step('be.rtw.ami.suspended', 'insurer:100', { ami_status: 'suspended' });
    await step('be.rtw.cpmt.trajectory.ended', cpmt, { ami_status: 'suspended' });
    await step('be.rtw.ami.resumed', 'insurer:100', { ami_case: 3, ami_status: 'launched' });
  });
});
