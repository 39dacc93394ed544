// Dossiers and a dossier's timeline, identity masked unless unmasked with a reason.
// A page of the console (ADR 0093): uses console.js's helpers (loaded first: classic scripts
// share their top-level names) and adds its routes.
/* global state, el, api, problem, table, show, when, routes */
'use strict';

async function dossiersPage() {
  const input = el('input', {
    name: 'dossierId',
    placeholder: 'dossier id (UUID)',
    size: 40,
    'data-testid': 'dossier-search',
  });
  const form = el(
    'form',
    {
      class: 'bar',
      onsubmit: (event) => {
        event.preventDefault();
        location.hash = `#/dossier/${input.value.trim()}`;
      },
    },
    el('label', {}, 'Find a dossier', input),
    el('button', { type: 'submit' }, 'Open timeline'),
  );
  show(el('h1', {}, 'Dossiers'), form, el('p', {}, 'Loading the latest dossiers…'));
  // The search works while the list loads: once a timeline is opened, a late list must not
  // replace it.
  const here = location.hash;
  try {
    const list = await api('/v1/dossiers?limit=50');
    if (location.hash !== here) return;
    show(
      el('h1', {}, 'Dossiers'),
      form,
      table(
        [
          ['Dossier', (d) => d.dossierId],
          ['Insurer', (d) => d.insurer],
          ['Status', (d) => d.status],
          ['Opened', (d) => when(d.openedAt)],
          ['Updated', (d) => when(d.updatedAt)],
        ],
        list.items || [],
        (d) => (location.hash = `#/dossier/${d.dossierId}`),
      ),
    );
  } catch (error) {
    if (location.hash === here) show(el('h1', {}, 'Dossiers'), form, problem(error));
  }
}

async function timelinePage(dossierId, unmasked) {
  show(el('h1', {}, `Dossier ${dossierId}`), el('p', {}, 'Loading…'));
  let timeline = unmasked;
  if (!timeline) {
    try {
      timeline = await api(`/v1/dossiers/${encodeURIComponent(dossierId)}/timeline`);
    } catch (error) {
      show(el('h1', {}, `Dossier ${dossierId}`), problem(error));
      return;
    }
  }
  const d = timeline.dossier;
  const identity = timeline.identityShown
    ? el('span', { class: 'badge shown', 'data-testid': 'identity' }, 'identity shown (audited)')
    : el('span', { class: 'badge masked', 'data-testid': 'identity' }, 'identity masked');
  const parts = [el('h1', {}, `Dossier ${dossierId} `, identity)];
  if (d)
    parts.push(
      el(
        'p',
        {},
        `Insurer ${d.insurer} · ${d.status} · scheme ${d.scheme ?? '—'} · route ${d.route ?? '—'} · opened ${when(d.openedAt)}`,
      ),
    );
  parts.push(
    el('h2', {}, 'Events'),
    table(
      [
        ['At', (e) => when(e.at)],
        ['Type', (e) => e.type],
        ['From', (e) => e.source],
        ['Verdict', (e) => (e.reasonCode ? `refused: ${e.reasonCode}` : 'accepted')],
        ['Rule', (e) => e.message],
      ],
      [...(timeline.events || [])].sort((a, b) => (a.at < b.at ? -1 : 1)),
    ),
    el('h2', {}, 'Deadlines'),
    table(
      [
        ['Rule', (x) => x.rule],
        ['Due', (x) => x.dueOn],
        ['Status', (x) => x.status],
        ['Settled by', (x) => x.settledBy],
      ],
      timeline.deadlines || [],
    ),
    el('h2', {}, 'Deliveries'),
    table(
      [
        ['Partner', (x) => x.partner],
        ['Outcome', (x) => x.outcome],
        ['Reason', (x) => x.reasonCode],
        ['Attempts', (x) => x.attempts],
        ['At', (x) => when(x.recordedAt)],
      ],
      timeline.deliveries || [],
    ),
    el('h2', {}, 'Consents and relations'),
    el(
      'pre',
      { 'data-testid': 'registers' },
      JSON.stringify({ consents: timeline.consents, relations: timeline.relations }, null, 2),
    ),
  );
  if (d && d.state)
    parts.push(
      el('h2', {}, 'State'),
      el('pre', { 'data-testid': 'state' }, JSON.stringify(d.state, null, 2)),
    );
  if (!timeline.identityShown && state.session.roles.includes('privacy-officer')) {
    const reason = el('textarea', {
      name: 'reason',
      rows: 2,
      placeholder: 'Why identity must be shown (audited)',
    });
    parts.push(
      el('h2', {}, 'Show identity'),
      el(
        'form',
        {
          class: 'bar',
          onsubmit: async (event) => {
            event.preventDefault();
            try {
              timelinePage(
                dossierId,
                await api(`/v1/dossiers/${dossierId}/unmask`, {
                  method: 'POST',
                  body: { reason: reason.value },
                }),
              );
            } catch (error) {
              event.target.append(problem(error));
            }
          },
        },
        el('label', {}, 'Reason', reason),
        el('button', { type: 'submit', class: 'danger' }, 'Unmask'),
      ),
    );
  }
  show(...parts);
}

routes.push([/^#\/dossier\/(.+)$/, (m) => timelinePage(decodeURIComponent(m[1]))]);
routes.push([/^#\/dossiers$/, dossiersPage]);
