// The subject access page (GDPR art. 15, ADR 0104): a privacy officer enters a person's NISS and
// why, and sees which organisations received which data about them, when and why. Uses the
// console's helpers (console.js, loaded first: classic scripts share their top-level names).
// The NISS goes in a POST body, never in the URL, and is cleared from the form once answered.
/* global el, api, problem, table, show, when, routes */
'use strict';

let reportDownload = null;

async function subjectAccessPage() {
  const niss = el('input', {
    name: 'niss',
    placeholder: 'NISS, e.g. 85.07.30-033.28',
    size: 20,
    autocomplete: 'off',
    inputmode: 'numeric',
    'data-testid': 'sar-niss',
  });
  const reason = el('textarea', {
    name: 'reason',
    rows: 2,
    placeholder: 'Why (10 to 500 characters, audited), e.g. the request reference',
    'data-testid': 'sar-reason',
  });
  const results = el('div', { 'data-testid': 'sar-report' });
  const form = el(
    'form',
    {
      class: 'bar',
      onsubmit: async (event) => {
        event.preventDefault();
        results.replaceChildren(el('p', {}, 'Reading the records…'));
        try {
          const report = await api('/v1/subject-access', {
            method: 'POST',
            body: { niss: niss.value, reason: reason.value },
          });
          niss.value = '';
          results.replaceChildren(...reportView(report));
        } catch (error) {
          results.replaceChildren(problem(error));
        }
      },
    },
    el('label', {}, 'Person (NISS)', niss),
    el('label', {}, 'Reason', reason),
    el('button', { type: 'submit', class: 'danger', 'data-testid': 'sar-submit' }, 'Build report'),
  );
  show(
    el('h1', {}, 'Subject access report'),
    el(
      'p',
      {},
      'GDPR art. 15: for one person, which organisations received which data about them, when ' +
        'and why, and who looked at their dossiers. Privacy officers only; every request is ' +
        "audited with your reason. An insurer's staff see their insurer's dossiers only.",
    ),
    form,
    results,
  );
}

function reportView(report) {
  const dossiers = report.dossiers || [];
  const disclosures = report.disclosures || [];
  const accesses = report.accesses || [];
  const dossierLink = (id) => el('a', { href: `#/dossier/${encodeURIComponent(id)}` }, id);
  return [
    el(
      'div',
      { class: 'notice ok', 'data-testid': 'sar-summary' },
      `Report of ${when(report.generatedAt)} (audited): ${dossiers.length} dossier(s), ` +
        `${disclosures.length} message(s) to other organisations, ${accesses.length} look(s) by support staff.`,
    ),
    downloadLink(report),
    el('h2', {}, 'Dossiers about this person'),
    table(
      [
        ['Dossier', (d) => dossierLink(d.dossierId)],
        ['Insurer (controller)', (d) => d.insurer],
        ['Opened', (d) => when(d.openedAt)],
      ],
      dossiers,
    ),
    el('h2', {}, 'Which organisation received which data, when and why'),
    table(
      [
        ['Prepared', (m) => when(m.preparedAt)],
        ['Organisation', (m) => m.organisation],
        ['Data (message and its contract)', (m) => `${m.messageType} · ${m.contract}`],
        ['Why (event it answers)', (m) => m.cause],
        ['Status', (m) => m.status],
        ['Delivered', (m) => when(m.deliveredAt)],
        ['Dossier', (m) => m.dossierId],
      ],
      disclosures,
    ),
    el('h2', {}, 'Who looked at the dossiers'),
    table(
      [
        ['At', (a) => when(a.at)],
        ['Organisation', (a) => a.organisation],
        ['Identity shown', (a) => (a.identityShown ? 'yes' : 'no')],
        ['Dossier', (a) => a.dossierId],
      ],
      accesses,
    ),
  ];
}

/** The report as a JSON file, built from the answer shown (a second request would be audited again). */
function downloadLink(report) {
  if (reportDownload) URL.revokeObjectURL(reportDownload);
  reportDownload = URL.createObjectURL(
    new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }),
  );
  const stamp = String(report.generatedAt || '').replace(/[^0-9T]/g, '');
  return el(
    'a',
    {
      class: 'button',
      href: reportDownload,
      download: `subject-access-report-${stamp}.json`,
      'data-testid': 'sar-download',
    },
    'Download (JSON)',
  );
}

routes.unshift([/^#\/subject-access$/, subjectAccessPage]);
