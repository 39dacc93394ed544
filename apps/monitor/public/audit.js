// The audit list: who unmasked, replayed, paused or asked for a report, and why.
// A page of the console (ADR 0093): uses console.js's helpers (loaded first: classic scripts
// share their top-level names) and adds its routes.
/* global el, api, problem, table, show, when, routes */
'use strict';

async function auditPage() {
  show(el('h1', {}, 'Audit'), el('p', {}, 'Loading…'));
  try {
    const audit = await api('/v1/audit');
    show(
      el('h1', {}, 'Audit'),
      el(
        'p',
        {},
        'Every unmask, replay, pause, subject access report and refused attempt, made in this console or with a token (rtw).',
      ),
      table(
        [
          ['At', (a) => when(a.at)],
          ['Action', (a) => a.action],
          ['Who', (a) => a.subject],
          ['Via', (a) => (a.channel === 'token' ? `token (${a.clientId ?? '?'})` : 'console')],
          ['Target', (a) => a.target],
          ['Reason', (a) => a.reason],
          ['Detail', (a) => (a.detail ? JSON.stringify(a.detail) : '')],
        ],
        audit.items,
      ),
    );
  } catch (error) {
    show(el('h1', {}, 'Audit'), problem(error));
  }
}

routes.push([/^#\/audit$/, auditPage]);
