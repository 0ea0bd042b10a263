// The console's shell: asks who is signed in (GET /api/me), builds the navigation for their roles, and routes the hash
// (#/leads/<id>?tab=x) to one screen module: screens/<name>.js exporting `render(main, params, me)`, where params holds
// the route's `id` and the query's parameters as strings.
import { get, signOut } from './api.js';
import { h, replace, loading, errorState } from './ui.js';

// Longest patterns first is not needed: each pattern is anchored and the segments are literal.
const ROUTES = [
  ['/my-day', 'my-day'],
  ['/leads', 'leads'],
  ['/leads/new', 'lead-new'],
  ['/leads/:id', 'lead'],
  ['/accounts/:id', 'account'],
  ['/orders/new', 'order-new'],
  ['/orders/:id', 'order'],
  ['/import', 'import'],
  ['/search', 'search'],
  ['/dashboard', 'dashboard'],
  ['/targets', 'targets'],
  ['/approvals', 'approvals'],
  ['/pack', 'pack'],
  ['/inbox', 'inbox'],
  ['/admin/rules', 'admin-rules'],
  ['/admin/webhooks', 'admin-webhooks'],
  ['/admin/rebuilds', 'admin-rebuilds'],
  ['/admin/audit', 'admin-audit'],
];

// What each role finds in the navigation, in order; the first is where the role lands.
const NAV = {
  ACCOUNT_MANAGER: [['#/my-day', 'My day'], ['#/leads', 'Leads'], ['#/import', 'Import']],
  SALES_MANAGER: [['#/dashboard', 'Dashboard'], ['#/targets', 'Targets'], ['#/approvals', 'Approvals'], ['#/pack', 'Sales-meeting pack'], ['#/leads', 'Leads']],
  SALES_ADMIN: [['#/approvals', 'Approvals'], ['#/leads', 'Leads'], ['#/inbox', 'Inbox'], ['#/import', 'Import']],
  DEPARTMENT: [['#/inbox', 'Inbox']],
  ADMIN: [['#/admin/rules', 'Rules'], ['#/admin/webhooks', 'Webhooks'], ['#/admin/rebuilds', 'Rebuilds'], ['#/admin/audit', 'Audit'], ['#/leads', 'Leads'], ['#/import', 'Import']],
};
const ROLE_ORDER = ['ACCOUNT_MANAGER', 'SALES_MANAGER', 'SALES_ADMIN', 'DEPARTMENT', 'ADMIN'];

let me = null;
let rendering = 0;
// The screen the page opened on leaves the focus at the top, where the skip link is; later ones take it (see settle).
let opened = false;

/** The signed-in person as GET /api/me answered ({user, roles, region, department, seesAllRegions}). */
export const currentUser = () => me;

export function hasRole(role) {
  return !!me && (me.roles || []).includes(role);
}

function navFor(user) {
  const seen = new Set();
  const items = [];
  for (const role of ROLE_ORDER) {
    if (!(user.roles || []).includes(role)) continue;
    for (const item of NAV[role]) {
      if (!seen.has(item[0])) { seen.add(item[0]); items.push(item); }
    }
  }
  return items;
}

function homeOf(user) {
  const items = navFor(user);
  return items.length ? items[0][0] : '#/search';
}

/** Parses '#/leads/abc?status=NEW' into {name, params}; null when no route matches. */
export function resolve(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, queryText] = raw.split('?');
  const segments = path.split('/').filter(Boolean);
  for (const [pattern, name] of ROUTES) {
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params = {};
    const matches = parts.every((part, i) => {
      if (part.startsWith(':')) { params[part.slice(1)] = decodeURIComponent(segments[i]); return true; }
      return part === segments[i];
    });
    if (!matches) continue;
    for (const [key, value] of new URLSearchParams(queryText || '')) params[key] = value;
    return { name, params };
  }
  return null;
}

async function route() {
  const main = document.getElementById('screen');
  const turn = ++rendering;
  const target = resolve(location.hash);
  const from = document.activeElement;
  if (!target) {
    location.replace(homeOf(me));
    return;
  }
  markNav();
  syncSearch(target);
  replace(main, loading());
  let screen;
  try {
    screen = await import(`./screens/${target.name}.js`);
  } catch (e) {
    if (turn === rendering) {
      replace(main, h('p', { class: 'state error', role: 'alert' }, 'This screen is not available yet.'));
      settle(main, from);
    }
    return;
  }
  if (turn !== rendering) return;
  try {
    // A screen that navigates away while loading leaves the newer screen alone: it checks isCurrent().
    await screen.render(main, target.params, me, { isCurrent: () => turn === rendering });
  } catch (problem) {
    if (turn !== rendering || (problem && problem.status === 401)) return;
    replace(main, errorState(problem));
    if (!(problem && 'status' in problem)) console.error(problem);
  }
  if (turn === rendering) settle(main, from);
}

/**
 * A screen is drawn: the window's title names it, and the focus goes to its title, where a screen reader reads on and
 * the next Tab starts, unless it has moved on while the screen loaded: the screen put it somewhere itself (a form's
 * first field), or the person did.
 */
function settle(main, from) {
  const title = main.querySelector('h1');
  document.title = title ? `${title.textContent} · Chairside` : 'Chairside';
  const focus = document.activeElement;
  if (opened && (focus === from || focus === document.body || focus === main)) focusTitle(main);
  opened = true;
}

function focusTitle(main) {
  const title = main.querySelector('h1');
  if (title) title.setAttribute('tabindex', '-1');
  (title || main).focus();
}

function markNav() {
  const current = location.hash.split('?')[0];
  document.querySelectorAll('#nav a').forEach(a => {
    const here = current === a.getAttribute('href') || current.startsWith(a.getAttribute('href') + '/');
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

function syncSearch(target) {
  const input = document.querySelector('#search input[type=search]');
  if (target.name === 'search' && input && document.activeElement !== input) input.value = target.params.q || '';
}

/** Goes to a console address, e.g. navigate(`#/accounts/${id}`). */
export function navigate(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

async function start() {
  const main = document.getElementById('screen');
  try {
    me = await get('/api/me');
  } catch (problem) {
    if (problem && problem.status === 401) return;
    replace(main, errorState(problem, 'find out who is signed in'));
    return;
  }
  const roles = (me.roles || []).map(r => r.toLowerCase().replace(/_/g, ' ')).join(', ');
  replace(document.getElementById('who'), h('span', { class: 'user' }, me.user), ' ',
    h('span', { class: 'role' }, [roles, me.region ? ` · ${me.region.toLowerCase()}` : '', me.department ? ` · ${me.department.toLowerCase()}` : ''].join('')));
  replace(document.getElementById('nav'), h('ul', null, navFor(me).map(([href, text]) => h('li', null, h('a', { href }, text)))));
  document.querySelector('.brand').setAttribute('href', homeOf(me));
  document.getElementById('sign-out').addEventListener('click', signOut);
  // Past the navigation to the screen's title; the hash stays the route's.
  document.querySelector('a.skip').addEventListener('click', event => {
    event.preventDefault();
    focusTitle(main);
  });
  document.getElementById('search').addEventListener('submit', event => {
    event.preventDefault();
    const q = event.target.elements.q.value.trim();
    if (q) navigate(`#/search?q=${encodeURIComponent(q)}`);
  });
  window.addEventListener('hashchange', route);
  if (!location.hash || location.hash === '#/' || location.hash === '#') location.replace(homeOf(me));
  else route();
}

start();
