// `npm run demo`: one lawful return-to-work trajectory through a running hub, for a newcomer to
// watch. A self-employed person living in Brussels asks for a trajectory (route B); the insurer's
// events go through the gateway with a development key; the tracker accepts them; the Actiris
// connector builds the FIA; delivery signs and sends it to the partner sandbox, which plays Actiris:
// it acknowledges, then answers through the gateway (registration acknowledged, insured
// presented). The script prints each step and where to look.
//
// Needs `npm run hub:start` with GATEWAY_DEV_STATIC_KEYS=config/keys/dev-static-keys.json in .env.
// Builds its events from the committed contract examples (schemas/examples/valid), like the test
// scripts do, with generated identities: it does not use test code.
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

const host =
  process.env.HTTP_HOST && process.env.HTTP_HOST !== '0.0.0.0'
    ? process.env.HTTP_HOST
    : '127.0.0.1';
const urlOf = (key, port) => `http://${host}:${process.env[key] ?? port}`;
const GATEWAY = urlOf('GATEWAY_PORT', 3000);
const TRACKER = urlOf('TRACKER_PORT', 3001);
const SANDBOX = urlOf('PARTNER_SANDBOX_PORT', 3004);
const INSURER = process.env.DEMO_INSURER ?? '100';
const DEV_KEY = process.env.DEMO_DEV_KEY ?? `dev-insurer-${INSURER}-local-only`;
const TIMEOUT_MS = Number(process.env.DEMO_TIMEOUT_MS ?? 90_000);
// The tracker's timeline of a dossier ({dossierId} is replaced); printed when it answers.
const TIMELINE = process.env.DEMO_TIMELINE_URL ?? `${TRACKER}/v1/dossiers/{dossierId}/timeline`;
const ACTIRIS = 'regional:actiris';

const DAY_MS = 86_400_000;
const examples = join(root, 'schemas', 'examples', 'valid');

/** A NISS with valid check digits (DOMAIN.md section 6), generated: never a real person's. */
function generateNiss() {
  const year = randomInt(1960, 2000);
  const month = randomInt(1, 13);
  const day = randomInt(1, 29);
  const serial = randomInt(1, 998);
  const base = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  const check = 97 - (Number(base) % 97);
  return `${base}${String(check).padStart(2, '0')}`;
}

/** Dates of the trajectory, counted from an incapacity that started 120 days ago. */
const start = Date.now() - 120 * DAY_MS;
const day = (n) => new Date(start + n * DAY_MS).toISOString().slice(0, 10);

/** The committed example of a type, re-addressed to the demo's dossier, with its data changed. */
function event(shortType, data, { version = 1, dossierId } = {}) {
  const example = JSON.parse(readFileSync(join(examples, `${shortType}.v${version}.json`), 'utf8'));
  return {
    ...example,
    id: randomUUID(),
    source: `urn:rtw:org:insurer:${INSURER}`,
    subject: dossierId,
    insurer: INSURER,
    time: new Date().toISOString(),
    correlationid: dossierId,
    traceparent: undefined,
    data: { ...example.data, ...data },
  };
}

/** Route B for a self-employed person in Brussels, up to the referral to Actiris. */
function routeBToActiris(dossierId, referralId) {
  const opened = event('dossier.opened', {}, { dossierId });
  // The example lives in Ghent; this person lives in Ixelles (Brussels: Actiris is competent).
  const residence = { street: 'Rue Exemple 1', postalCode: '1050', municipality: 'Ixelles' };
  opened.data = {
    ...opened.data,
    insured: { ...opened.data.insured, niss: generateNiss(), language: 'fr', residence },
    scheme: 'self-employed',
    employment: { hasContract: false },
    incapacity: { startDate: day(0), phase: 'primary' },
  };
  const at = { dossierId };
  return [
    opened,
    event('consent.given', { scope: 'data-processing', writtenOn: day(60) }, at),
    event('questionnaire.sent', { sentOn: day(70), dueOn: day(84) }, at),
    event(
      'questionnaire.returned',
      { receivedOn: day(80), complete: true, returnToWorkRequested: true },
      at,
    ),
    event('routeb.requested', { requestedOn: day(80) }, at),
    event('routeb.decided', { decision: 'accepted', decidedOn: day(90) }, at),
    event(
      'contact.scheduled',
      { contactId: 'CT-1', scheduledOn: day(100), kind: 'first', mode: 'video' },
      at,
    ),
    event('contact.held', { contactId: 'CT-1', heldOn: day(100) }, at),
    event('consent.given', { scope: 'regional-service', writtenOn: day(100) }, at),
    (() => {
      const referral = event(
        'regional.referral.requested',
        {
          referralId,
          service: 'actiris',
          purpose: 'registration',
          requestedOn: day(102),
          contactLanguage: 'fr',
        },
        { ...at, version: 2 },
      );
      delete referral.data.disabilityPartner;
      return referral;
    })(),
  ].map((candidate) => JSON.parse(JSON.stringify(candidate)));
}

async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

async function ready(url) {
  try {
    const { status } = await getJson(`${url}/health/ready`);
    return status === 200;
  } catch {
    return false;
  }
}

async function waitFor(what, probe) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const found = await probe().catch(() => undefined);
    if (found) return found;
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`${what}: nothing after ${TIMEOUT_MS / 1000} s`);
}

const say = (line = '') => console.log(line);

async function main() {
  say('demo: one lawful route B trajectory, from the insurer to Actiris and back');
  if (!(await ready(GATEWAY)) || !(await ready(SANDBOX))) {
    say(`demo: the gateway (${GATEWAY}) or the partner sandbox (${SANDBOX}) is not ready.`);
    say('      Start the hub first: npm run hub:start (npm run hub:status shows each app).');
    process.exit(1);
  }
  const apps = [
    ['tracker', TRACKER],
    ['delivery', urlOf('DELIVERY_PORT', 3002)],
    ['actiris-connector', urlOf('ACTIRIS_CONNECTOR_PORT', 3011)],
  ];
  for (const [name, url] of apps)
    if (!(await ready(url)))
      say(
        `demo: warning: ${name} (${url}) is not ready; the FIA needs it (.local/run/${name}.log)`,
      );

  const dossierId = randomUUID();
  const referralId = `REF-ACT-${dossierId.slice(0, 8)}`;
  const events = routeBToActiris(dossierId, referralId);
  say(`demo: dossier ${dossierId} of insurer ${INSURER}, referral ${referralId}`);
  say(`demo: sending ${events.length} events to ${GATEWAY}/v1/events with DevKey ${DEV_KEY}`);
  for (const candidate of events) {
    const response = await fetch(`${GATEWAY}/v1/events`, {
      method: 'POST',
      headers: {
        authorization: `DevKey ${DEV_KEY}`,
        'content-type': 'application/cloudevents+json',
      },
      body: JSON.stringify(candidate),
    });
    const body = await response.json().catch(() => ({}));
    say(
      `  ${response.status} ${candidate.type}${body.code ? ` ${body.code}: ${body.message}` : ''}`,
    );
    if (response.status === 401 && body.code === 'DEV_KEYS_DISABLED') {
      say(
        'demo: put GATEWAY_DEV_STATIC_KEYS=config/keys/dev-static-keys.json in .env, then npm run hub:restart',
      );
      process.exit(1);
    }
    if (response.status !== 202) process.exit(1);
  }

  say(
    'demo: waiting for the FIA at the sandbox (tracker → actiris-connector → delivery → sandbox)',
  );
  const delivery = await waitFor('the FIA at the sandbox', async () => {
    const { body } = await getJson(`${SANDBOX}/control/deliveries?org=${ACTIRIS}`);
    return body?.deliveries?.find((record) => record.dossierId === dossierId);
  }).catch((error) => {
    say(`demo: ${error.message}.`);
    say(
      '      Look at .local/run/tracker.log (was the referral accepted?), actiris-connector.log,',
    );
    say('      delivery.log (was the FIA sent, and where?), partner-sandbox.log.');
    process.exit(1);
  });
  say(
    `  FIA ${delivery.messageId} delivered to Actiris (sandbox): ${delivery.attempts} attempt(s), ` +
      `acknowledged ${delivery.acknowledged} time(s), idempotency key ${delivery.idempotencyKey}`,
  );

  say('demo: waiting for Actiris’s answers through the gateway');
  const answers = await waitFor('Actiris’s answers', async () => {
    const { body } = await getJson(`${SANDBOX}/control/callbacks?org=${ACTIRIS}`);
    const mine = (body?.callbacks ?? []).filter(
      (record) => record.messageId === delivery.messageId,
    );
    const done = mine.filter((record) => record.status !== 'pending');
    return done.length > 0 && (done.length >= 2 || done.some((r) => r.status !== 'accepted'))
      ? done
      : undefined;
  }).catch((error) => {
    say(`demo: ${error.message}. Look at .local/run/partner-sandbox.log and gateway.log.`);
    process.exit(1);
  });
  for (const record of answers)
    say(
      `  ${record.httpStatus ?? '---'} ${record.type} (${record.answerId})` +
        (record.code ? ` ${record.code}` : '') +
        (record.eventId ? ` → event ${record.eventId}` : ''),
    );

  say();
  say('Where to look:');
  say(`  deliveries Actiris received   ${SANDBOX}/control/deliveries?org=${ACTIRIS}`);
  say(`  answers Actiris sent          ${SANDBOX}/control/callbacks?org=${ACTIRIS}`);
  const accepted = answers.find((record) => record.eventId);
  if (accepted)
    say(
      `  an answer at the gateway      curl -H 'Authorization: DevKey dev-regional-actiris-local-only' ${GATEWAY}/v1/events/${accepted.eventId}`,
    );
  const timeline = TIMELINE.replace('{dossierId}', dossierId);
  const shown = await getJson(timeline).catch(() => ({ status: 0 }));
  if (shown.status === 200) say(`  the dossier's timeline       ${timeline}`);
  else {
    // The timeline needs a support organisation's bearer token (ADR 0031); the table is there.
    if (shown.status === 401)
      say(`  the dossier's timeline       ${timeline} (with a support bearer token)`);
    say(
      `  the dossier's events          psql ${process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rtw'} -c ` +
        `"SELECT version, type, event_source FROM dossier_events WHERE dossier_id = '${dossierId}' ORDER BY version"`,
    );
  }
  process.exit(answers.every((record) => record.status === 'accepted') ? 0 : 1);
}

main().catch((error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
