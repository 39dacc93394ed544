// Deliveries per partner, circuit state, pause and resume.
// A page of the console (ADR 0093): uses console.js's helpers (loaded first: classic scripts
// share their top-level names) and adds its routes.
/* global el, api, problem, table, show, when, routes */
'use strict';

async function deliveriesPage() {
  show(el('h1', {}, 'Deliveries'), el('p', {}, 'Loading…'));
  const [partners, deliveries] = await Promise.allSettled([
    api('/v1/partners'),
    api('/v1/deliveries?limit=100'),
  ]);
  const parts = [el('h1', {}, 'Deliveries'), el('h2', {}, 'Partners')];
  if (partners.status === 'fulfilled') {
    parts.push(
      table(
        [
          ['Partner', (p) => p.id],
          ['Circuit', (p) => p.circuit],
          ['Paused', (p) => (p.paused ? 'yes' : 'no')],
          ['In flight', (p) => `${p.inFlight}/${p.concurrency}`],
          ['Queue', (p) => JSON.stringify(p.queue)],
          ['Recent', (p) => JSON.stringify(p.window)],
          ['', (p) => controlButton(p)],
        ],
        partners.value.items || [],
      ),
    );
  } else parts.push(problem(partners.reason));
  parts.push(el('h2', {}, 'Recent attempts'));
  if (deliveries.status === 'fulfilled') {
    const items = deliveries.value.items || [];
    const byReason = {};
    for (const m of items)
      if (m.reasonCode) byReason[m.reasonCode] = (byReason[m.reasonCode] || 0) + 1;
    parts.push(
      table(
        [
          ['Received', (m) => when(m.receivedAt)],
          ['Partner', (m) => m.partner],
          ['Type', (m) => m.messageType],
          ['Status', (m) => m.status],
          ['Attempts', (m) => m.attempts],
          ['Reason', (m) => m.reasonCode],
        ],
        items,
      ),
      el('h2', {}, 'Failures by reason'),
      table(
        [
          ['Reason', ([code]) => code],
          ['Messages', ([, count]) => count],
        ],
        Object.entries(byReason),
      ),
    );
  } else parts.push(problem(deliveries.reason));
  show(...parts);
}

function controlButton(partner) {
  const action = partner.paused ? 'resume' : 'pause';
  return el(
    'button',
    {
      type: 'button',
      onclick: async (event) => {
        const reason = prompt(`Why ${action} ${partner.id}? (10 to 500 characters, audited)`);
        if (reason === null) return;
        try {
          await api(`/v1/partners/${encodeURIComponent(partner.id)}/${action}`, {
            method: 'POST',
            body: { reason },
          });
          deliveriesPage();
        } catch (error) {
          event.target.after(problem(error));
        }
      },
    },
    action,
  );
}

routes.push([/^#\/deliveries$/, deliveriesPage]);
