// The overview: flows, lag, dead letters, partners, deadlines and alerts, live.
// A page of the console (ADR 0093): uses console.js's helpers (loaded first: classic scripts
// share their top-level names) and adds its routes.
/* global el, api, problem, table, show, when, routes */
'use strict';

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

routes.push([/^#\/overview$/, overviewPage]);
