// The support console (ADR 0093): plain JavaScript, no build step, no framework. Every datum is
// written with textContent (never innerHTML), so nothing from the hub can run as code here.
'use strict';

const state = { session: null };
const page = () => document.getElementById('page');

/** Builds an element: el('td', { class: 'x' }, 'text', child). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Calls the monitor's API; a refusal becomes an Error carrying status, code and message. */
async function api(path, options = {}) {
  const headers = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.method && options.method !== 'GET')
    headers['x-csrf-token'] = state.session?.csrfToken ?? '';
  const response = await fetch(path, {
    method: options.method || 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 401 && path !== '/v1/session') location.assign('/login');
  if (!response.ok) {
    const error = new Error(answer.message || `HTTP ${response.status}`);
    Object.assign(error, { status: response.status, code: answer.code, upstream: answer.upstream });
    throw error;
  }
  return answer;
}

/** A refusal or outage, said plainly (a 503 is "unavailable", not an error of the person's). */
function problem(error) {
  const kind = error.status === 503 ? 'unavailable' : 'error';
  const code = error.upstream ? `${error.upstream.service} ${error.upstream.code}` : error.code;
  return el(
    'div',
    { class: `notice ${kind}`, 'data-testid': 'problem' },
    `${error.status || ''} ${code || ''}: ${error.message}`,
  );
}

function table(columns, rows, onSelect) {
  return el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        columns.map(([title]) => el('th', {}, title)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((row) =>
        el(
          'tr',
          onSelect ? { class: 'selectable', onclick: () => onSelect(row) } : {},
          columns.map(([, value]) => el('td', {}, value(row) ?? '—')),
        ),
      ),
    ),
  );
}

const show = (...nodes) => page().replaceChildren(...nodes);
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

// ---- Overview (GET /v1/overview and /v1/alerts, served by the overview module) ----
async function overviewPage() {
  show(el('h1', {}, 'Overview'), el('p', {}, 'Loading…'));
  const [overview, alerts] = await Promise.allSettled([api('/v1/overview'), api('/v1/alerts')]);
  const parts = [el('h1', {}, 'Overview')];
  if (alerts.status === 'fulfilled') {
    parts.push(el('h2', {}, 'Alerts'));
    parts.push(
      alerts.value.alerts.length === 0
        ? el('div', { class: 'notice ok' }, 'No alert.')
        : table(
            [
              ['Severity', (a) => a.severity],
              ['Alert', (a) => a.rule],
              ['Subject', (a) => a.subject],
              ['Detail', (a) => a.summary],
              [
                'Value / threshold',
                (a) => (a.value === null ? '—' : `${a.value} / ${a.threshold ?? '—'}`),
              ],
            ],
            alerts.value.alerts,
          ),
    );
  } else parts.push(el('h2', {}, 'Alerts'), problem(alerts.reason));
  if (overview.status !== 'fulfilled') {
    show(...parts, el('h2', {}, 'Figures'), problem(overview.reason));
    return;
  }
  const o = overview.value;
  const sources = Object.entries(o.sources || {}).filter(([, s]) => s !== 'ok');
  if (sources.length > 0)
    parts.push(
      el(
        'div',
        { class: 'notice unavailable', 'data-testid': 'sources' },
        `Partly unavailable: ${sources.map(([name, s]) => `${name} ${s}`).join(', ')}. Figures from them are shown as —.`,
      ),
    );
  parts.push(el('p', {}, `Figures of ${when(o.generatedAt)}`));
  const chart = el('div', { id: 'history' });
  parts.push(el('h2', {}, 'Events in and out per minute'), chart);
  const grid = el('div', { class: 'grid' });
  grid.append(
    el(
      'section',
      {},
      el('h2', {}, 'Topics'),
      table(
        [
          ['Topic', (t) => t.topic],
          ['In /min', (t) => t.inPerMinute],
          ['Out /min', (t) => t.outPerMinute],
        ],
        o.topics || [],
      ),
    ),
    el(
      'section',
      {},
      el('h2', {}, 'Consumer lag'),
      table(
        [
          ['Group', (g) => g.groupId],
          ['Total lag', (g) => g.totalLag],
          [
            'Per partition',
            (g) =>
              (g.partitions || [])
                .map((p) => `${p.topic}[${p.partition}] ${p.lag ?? '—'}`)
                .join(', '),
          ],
        ],
        o.consumerGroups || [],
      ),
    ),
    el(
      'section',
      {},
      el('h2', {}, 'Dead letters'),
      table(
        [
          ['Topic', (d) => d.topic],
          ['Count', (d) => d.count],
        ],
        o.deadLetters || [],
      ),
    ),
    el(
      'section',
      {},
      el('h2', {}, 'Partners'),
      table(
        [
          ['Partner', (p) => p.partner],
          [
            'Success',
            (p) => (p.successRate === null ? null : `${Math.round(p.successRate * 1000) / 10} %`),
          ],
          ['p95 ms', (p) => p.p95Ms],
          ['Circuit', (p) => p.circuit],
          ['Paused', (p) => (p.paused ? 'yes' : 'no')],
        ],
        o.partners || [],
      ),
    ),
    el(
      'section',
      {},
      el('h2', {}, 'Legal deadlines'),
      table(
        [
          ['Insurer', (d) => d.insurer],
          ['Due soon', (d) => d.dueSoon],
          ['Missed today', (d) => d.missedToday],
        ],
        o.deadlines || [],
      ),
    ),
  );
  parts.push(grid);
  show(...parts);
  drawHistory(chart, o.history);
}

function drawHistory(container, history) {
  if (!history || !history.at || history.at.length === 0 || typeof uPlot === 'undefined') {
    container.append(el('div', { class: 'notice unavailable' }, 'No history available.'));
    return;
  }
  const xs = history.at.map((at) => Date.parse(at) / 1000);
  new uPlot(
    {
      width: Math.min(900, container.clientWidth || 900),
      height: 220,
      series: [{}, { label: 'in', stroke: '#2f6fde' }, { label: 'out', stroke: '#1b8a4b' }],
    },
    [xs, history.eventsIn, history.eventsOut],
    container,
  );
}

// ---- Dossiers and timeline ----
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

// ---- Dead letters and replay ----
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

// ---- Deliveries and partners ----
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

// ---- Audit ----
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

// ---- Routing ----
const routes = [
  [/^#\/dossier\/(.+)$/, (m) => timelinePage(decodeURIComponent(m[1]))],
  [/^#\/dossiers$/, dossiersPage],
  [/^#\/dead-letter\/(.+)$/, (m) => deadLetterPage(decodeURIComponent(m[1]))],
  [/^#\/dead-letters$/, deadLettersPage],
  [/^#\/deliveries$/, deliveriesPage],
  [/^#\/audit$/, auditPage],
  [/^/, overviewPage],
];

function route() {
  const hash = location.hash || '#/overview';
  for (const link of document.querySelectorAll('header nav a'))
    link.classList.toggle('active', hash.startsWith(link.getAttribute('href')));
  for (const [pattern, render] of routes) {
    const match = hash.match(pattern);
    if (match) return render(match);
  }
}

async function start() {
  try {
    state.session = await api('/v1/session');
  } catch {
    location.assign('/login');
    return;
  }
  const scope = state.session.insurer ? `insurer ${state.session.insurer}` : 'hub operator';
  document.getElementById('who').textContent =
    `${state.session.name} · ${state.session.roles.join(', ')} · ${scope}`;
  document.getElementById('logout').addEventListener('click', async () => {
    await api('/logout', { method: 'POST' }).catch(() => undefined);
    location.assign('/login');
  });
  window.addEventListener('hashchange', route);
  route();
}

document.addEventListener('DOMContentLoaded', start);
