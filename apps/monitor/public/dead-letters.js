// Dead letters, one dead letter, and replay with a dry run first.
// A page of the console (ADR 0093): uses console.js's helpers (loaded first: classic scripts
// share their top-level names) and adds its routes.
/* global el, api, problem, table, show, when, routes */
'use strict';

async function deadLettersPage() {
  const field = (name, placeholder) => el('input', { name, placeholder, size: 16 });
  const filters = {
    partner: field('partner', 'actiris'),
    organisation: field('organisation', 'regional:actiris'),
    type: field('type', 'message type'),
    code: field('code', 'reason code'),
    from: field('from', 'from (ISO time)'),
    to: field('to', 'to (ISO time)'),
  };
  const results = el('div', {});
  const currentFilter = () =>
    Object.fromEntries(
      Object.entries(filters)
        .map(([name, input]) => [name, input.value.trim()])
        .filter(([, value]) => value),
    );
  const load = async () => {
    results.replaceChildren(el('p', {}, 'Loading…'));
    try {
      const page = await api(
        `/v1/dead-letters?${new URLSearchParams({ ...currentFilter(), limit: '100' })}`,
      );
      results.replaceChildren(
        table(
          [
            ['Failed', (m) => when(m.failedAt)],
            ['Partner', (m) => m.partner],
            ['Type', (m) => m.messageType],
            ['Dossier', (m) => m.dossierId],
            ['Reason', (m) => m.reasonCode],
            ['HTTP', (m) => m.lastHttpStatus],
            ['Attempts', (m) => m.attempts],
            ['Status', (m) => m.status],
          ],
          page.items || [],
          (m) => (location.hash = `#/dead-letter/${m.id}`),
        ),
        replayForm(
          { filter: currentFilter() },
          `every dead letter matching this filter (${(page.items || []).length} listed)`,
        ),
      );
    } catch (error) {
      results.replaceChildren(problem(error));
    }
  };
  const form = el(
    'form',
    {
      class: 'bar',
      onsubmit: (event) => {
        event.preventDefault();
        load();
      },
    },
    Object.entries(filters).map(([name, input]) => el('label', {}, name, input)),
    el('button', { type: 'submit' }, 'Search'),
  );
  show(el('h1', {}, 'Dead letters'), form, results);
  await load();
}

async function deadLetterPage(id) {
  show(el('h1', {}, 'Dead letter'), el('p', {}, 'Loading…'));
  try {
    const m = await api(`/v1/dead-letters/${encodeURIComponent(id)}`);
    show(
      el('h1', {}, `Dead letter ${m.id}`),
      el(
        'p',
        {},
        `${m.messageType} to ${m.organisation} for dossier ${m.dossierId} · ${m.status} · ${m.reasonCode ?? ''} ${m.reasonMessage ?? ''}`,
      ),
      el('p', {}, 'The payload is not shown (masked): its contract, size and attempts are.'),
      el('h2', {}, 'Attempts'),
      table(
        [
          ['#', (a) => a.attempt],
          ['Round', (a) => a.round],
          ['At', (a) => when(a.startedAt)],
          ['Outcome', (a) => a.outcome],
          ['HTTP', (a) => a.httpStatus],
          ['Error', (a) => a.errorCode],
          ['Request', (a) => JSON.stringify(a.request)],
        ],
        m.attemptLog || [],
      ),
      replayForm({ ids: [m.id] }, 'this message'),
    );
  } catch (error) {
    show(el('h1', {}, 'Dead letter'), problem(error));
  }
}

/** Dry run first; the real replay is offered only after a dry run of the same selection. */
function replayForm(selection, what) {
  const reason = el('textarea', {
    name: 'reason',
    rows: 2,
    placeholder: 'Why (10 to 500 characters, audited)',
    'data-testid': 'replay-reason',
  });
  const cap = el('input', { name: 'maxMessages', type: 'number', min: 1, value: 50, size: 5 });
  const report = el('div', { 'data-testid': 'replay-report' });
  const run = async (dryRun) => {
    try {
      const answer = await api('/v1/replays', {
        method: 'POST',
        body: { ...selection, reason: reason.value, dryRun, maxMessages: Number(cap.value) },
      });
      report.replaceChildren(
        el(
          'div',
          { class: 'notice ok' },
          `${dryRun ? 'Dry run' : 'Replay'} ${answer.replayId}: ${answer.matched} matched, ${answer.requeued} ${dryRun ? 'would be sent' : 'requeued'}, ${answer.refused} refused`,
        ),
        table(
          [
            ['Message', (i) => i.messageId],
            ['Organisation', (i) => i.organisation],
            ['Type', (i) => i.messageType],
            ['Contract', (i) => i.contract],
            ['Verdict', (i) => i.verdict],
            ['Code', (i) => i.code],
          ],
          answer.items || [],
        ),
        dryRun
          ? el(
              'button',
              {
                type: 'button',
                class: 'danger',
                'data-testid': 'replay-real',
                onclick: () => run(false),
              },
              'Replay for real',
            )
          : null,
      );
    } catch (error) {
      report.replaceChildren(problem(error));
    }
  };
  return el(
    'section',
    {},
    el('h2', {}, `Replay ${what}`),
    el(
      'form',
      {
        class: 'bar',
        onsubmit: (event) => {
          event.preventDefault();
          run(true);
        },
      },
      el('label', {}, 'Reason', reason),
      el('label', {}, 'At most', cap),
      el('button', { type: 'submit', 'data-testid': 'replay-dry-run' }, 'Dry run'),
    ),
    report,
  );
}

routes.push([/^#\/dead-letter\/(.+)$/, (m) => deadLetterPage(decodeURIComponent(m[1]))]);
routes.push([/^#\/dead-letters$/, deadLettersPage]);
