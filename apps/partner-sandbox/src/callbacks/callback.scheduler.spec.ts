import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import type { Logger } from '@rtw/platform';
import { PartnerContracts, type PartnerMediaType } from '@rtw/partners';
import { captureLogger, waitUntil } from '@rtw/testing';
import { sandboxOrganisations } from '../organisations/sandbox-organisations';
import { CallbackScheduler } from './callback.scheduler';
import type { GatewayAnswer } from './gateway.client';
import { ScriptBook } from './script.book';

const example = (partner: string, file: string) =>
  readFileSync(join(locateSchemasDir(), 'partners', partner, 'examples', 'valid', file));

describe('the scripted answers of a partner', () => {
  const organisations = sandboxOrganisations(['0543107453']);
  const byId = (id: string) => organisations.find((organisation) => organisation.id === id)!;
  const now = new Date('2026-06-10T08:00:00Z');
  let contracts: PartnerContracts;
  let sent: Array<{ organisation: string; body: string; mediaType: PartnerMediaType }>;
  let answers: GatewayAnswer[];
  let scripts: ScriptBook;
  let scheduler: CallbackScheduler;
  let log: ReturnType<typeof captureLogger>;

  beforeAll(async () => {
    contracts = await PartnerContracts.load();
  });
  afterAll(() => contracts.dispose());
  beforeEach(() => {
    sent = [];
    answers = [];
    scripts = new ScriptBook();
    log = captureLogger();
    scheduler = new CallbackScheduler({
      contracts,
      client: {
        send: async (organisation, document) => {
          sent.push({ organisation, ...document });
          return answers.shift() ?? { status: 202, eventId: 'e', replay: false, attempts: 1 };
        },
      },
      scripts,
      delayMs: 0,
      enabled: true,
      logger: log.logger as unknown as Logger,
      now: () => now,
    });
  });
  afterEach(async () => {
    await scheduler.close();
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  const fia = () =>
    contracts.readMessage('actiris', {
      body: example('actiris', 'fia.v1.xml'),
      contentType: 'application/xml',
    });
  const schedule = (id: string, malformed = false) => {
    const organisation = byId(id);
    const message =
      organisation.kind === 'cpmt'
        ? contracts.readMessage('cpmt', {
            body: example('cpmt', 'referral.v1.json'),
            contentType: 'application/json',
          })
        : fia();
    scheduler.schedule({ organisation, message, idempotencyKey: 'key-1', malformed });
    return message;
  };
  const settled = () => waitUntil(() => scheduler.pending() === 0, 'the answers to be sent');

  it('answers an FIA like Actiris: registration acknowledged, then insured presented, in its XML and in order', async () => {
    const message = schedule('regional:actiris');
    await settled();

    const read = sent.map((request) =>
      contracts.translateAnswer('actiris', { body: request.body, contentType: request.mediaType }),
    );
    expect(sent.map((request) => [request.organisation, request.mediaType])).toEqual([
      ['regional:actiris', 'application/xml'],
      ['regional:actiris', 'application/xml'],
    ]);
    expect(read.map((answer) => answer.event)).toEqual([
      {
        type: 'be.rtw.regional.registration.acknowledged',
        dataschema: 'urn:rtw:schema:be.rtw.regional.registration.acknowledged:v1',
        data: {
          referralId: message.referralId,
          serviceReference: expect.stringMatching(/^ACT-[0-9A-F]{10}$/),
          acknowledgedOn: '2026-06-10',
        },
      },
      {
        type: 'be.rtw.regional.insured.presented',
        dataschema: 'urn:rtw:schema:be.rtw.regional.insured.presented:v1',
        data: { referralId: message.referralId, presentedOn: '2026-06-10' },
      },
    ]);
    expect(read.map((answer) => answer.dossierId)).toEqual([message.dossierId, message.dossierId]);
    expect(
      scheduler.list('regional:actiris').map((record) => [record.step, record.status]),
    ).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
    ]);
  });

  it('gives the same answer ids to the same message, so the gateway recognises a re-sent answer', async () => {
    schedule('regional:actiris');
    await settled();
    schedule('regional:actiris');
    await settled();
    const ids = scheduler.list().map((record) => record.answerId);
    expect(ids.slice(2)).toEqual(ids.slice(0, 2));
    expect(new Set(ids.slice(0, 2)).size).toBe(2);
  });

  it('answers a referral like a CPMT, in JSON: accepted, then the visit held', async () => {
    schedule('cpmt:0543107453');
    await settled();
    expect(
      sent.map(
        (request) =>
          contracts.translateAnswer('cpmt', { body: request.body, contentType: request.mediaType })
            .event.type,
      ),
    ).toEqual(['be.rtw.cpmt.referral.accepted', 'be.rtw.cpmt.visit.held']);
  });

  it('follows the script and format set for an organisation, with its data', async () => {
    scripts.set('regional:actiris', {
      answerFormat: 'application/json',
      script: [
        { answer: 'registration.rejected', data: { reason: 'duplicate' } },
        { answer: 'insured.presented' },
      ],
    });
    answers.push({ status: 202, replay: false, attempts: 1 });
    schedule('regional:actiris');
    await settled();
    const [first] = sent.map((request) =>
      contracts.translateAnswer('actiris', { body: request.body, contentType: request.mediaType }),
    );
    expect(sent.map((request) => request.mediaType)).toEqual([
      'application/json',
      'application/json',
    ]);
    expect(first?.event).toMatchObject({
      type: 'be.rtw.regional.registration.rejected',
      data: { reason: 'duplicate', rejectedOn: '2026-06-10' },
    });
  });

  it('stops the script when the gateway refuses an answer, and records why', async () => {
    answers.push({ status: 403, code: 'REFERRAL_ENDED', replay: false, attempts: 1 });
    schedule('regional:actiris');
    await settled();
    expect(sent).toHaveLength(1);
    expect(scheduler.list()).toEqual([
      expect.objectContaining({
        status: 'refused',
        httpStatus: 403,
        code: 'REFERRAL_ENDED',
        type: 'be.rtw.regional.registration.acknowledged',
      }),
    ]);
  });

  it('sends broken documents under the malformed-answer fault', async () => {
    schedule('regional:actiris', true);
    await settled();
    expect(() =>
      contracts.translateAnswer('actiris', {
        body: sent[0]!.body,
        contentType: 'application/xml',
      }),
    ).toThrow(expect.objectContaining({ code: 'PARTNER_DOCUMENT_MALFORMED' }));
  });

  it('records a step the partner contract cannot express as failed, without sending it', async () => {
    scripts.set('regional:actiris', {
      script: [{ answer: 'trajectory.ended', data: { outcome: 'retired' } }],
    });
    schedule('regional:actiris');
    await settled();
    expect(sent).toEqual([]);
    expect(scheduler.list()).toEqual([
      expect.objectContaining({ status: 'failed', code: 'PARTNER_INPUT_INVALID' }),
    ]);
  });

  it('sends nothing for INAMI, and nothing more once reset', async () => {
    schedule('inami:inami');
    scripts.set('regional:actiris', { script: [{ answer: 'insured.presented', afterMs: 60_000 }] });
    schedule('regional:actiris');
    await scheduler.reset();
    expect([sent, scheduler.list(), scheduler.pending()]).toEqual([[], [], 0]);
  });
});
