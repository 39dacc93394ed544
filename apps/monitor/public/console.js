// The support console (ADR 0093): plain JavaScript, no build step, no framework. Every datum is
// written with textContent (never innerHTML), so nothing from the hub can run as code here.
/* exported problem, table, show, when */
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

// ---- Routing: each page's script adds its routes; an unknown address shows the overview ----
const routes = [];

function route() {
  const hash = location.hash || '#/overview';
  for (const link of document.querySelectorAll('header nav a'))
    link.classList.toggle('active', hash.startsWith(link.getAttribute('href')));
  for (const [pattern, render] of routes) {
    const match = hash.match(pattern);
    if (match) return render(match);
  }
  if (hash !== '#/overview') location.hash = '#/overview';
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
