// #/admin/rebuilds?id=: rebuilding reporting-service's projections from the event log (POST /api/reports/rebuild),
// followed with a progress bar asked every second (GET /api/reports/rebuild/{id}) until it completes or fails. The
// API lists no rebuilds, so the ones started from this browser are remembered here to be opened again.
import { get, post } from '../api.js';
import { h, replace, heading, section, field, form, select, facts, notice, words, number, dateTime, errorState, link } from '../ui.js';
import { navigate } from '../app.js';

const PROJECTIONS = ['all', 'leads', 'accounts', 'activities', 'demos', 'orders', 'targets'];
const KEPT = 'chairside.rebuilds';
const POLL_MS = 1000;

export async function render(main, params, me, screen) {
  const start = form({ class: 'panel', 'aria-label': 'Start a rebuild' }, [
    h('p', { class: 'hint' }, 'Reads the topics from the start into a new copy while reports go on answering from the current one, then switches over.'),
    h('div', { class: 'fields' },
      field('Projection', select('projection', PROJECTIONS.map(p => [p, p === 'all' ? 'All projections' : words(p)]), { value: 'all' }))),
  ], [h('button', { type: 'submit', class: 'primary' }, 'Start rebuild')], async values => {
    const run = await post('/api/reports/rebuild', { projection: values.projection });
    remember(run);
    navigate(`#/admin/rebuilds?id=${encodeURIComponent(run.id)}`);
  });
  const watch = h('div', { 'aria-live': 'polite' });
  replace(main, heading('Rebuilds'), start, watch, section('Started from this browser', earlier()));
  if (params.id) await follow(watch, params.id, screen);
}

async function follow(watch, id, screen) {
  const bar = h('progress', { max: '100', value: '0', 'aria-label': 'Rebuild progress' });
  const state = h('p', { role: 'status' }, 'Starting…');
  const details = h('div');
  replace(watch, section('Progress', bar, state, details));
  for (;;) {
    if (screen && !screen.isCurrent()) return;
    let run;
    try {
      run = await get(`/api/reports/rebuild/${encodeURIComponent(id)}`);
    } catch (problem) {
      if (problem && problem.status === 401) return;
      if (problem && problem.status === 503) { await pause(2000); continue; }
      replace(watch, errorState(problem, 'follow the rebuild'));
      return;
    }
    remember(run);
    bar.value = run.progress || 0;
    const what = run.projection === 'all' || !run.projection ? 'All projections' : words(run.projection);
    state.textContent = run.state === 'COMPLETED' ? `${what}: rebuilt, ${number(run.eventsApplied)} ${run.eventsApplied === 1 ? 'event' : 'events'} applied.`
      : run.state === 'FAILED' ? `${what}: the rebuild failed. ${run.error || ''}`
        : `${what}: ${number(run.progress || 0)} % (${number(run.eventsApplied)} of ${number(run.eventsTotal)} events).`;
    replace(details, facts([
      ['Projections', (run.projections || []).map(words).join(', ')],
      ['State', words(run.state)],
      ['Events applied', `${number(run.eventsApplied)} of ${number(run.eventsTotal)}`],
      ['Events per second', number(run.eventsPerSecond)],
      ['Started', dateTime(run.startedAt)],
      ['Finished', dateTime(run.finishedAt)],
      ['Taken over after a stop', number(run.restarts)],
    ]), run.state === 'FAILED' ? notice(run.error || 'The rebuild failed.', 'error') : null);
    if (run.state === 'COMPLETED' || run.state === 'FAILED') return;
    await pause(POLL_MS);
  }
}

function remember(run) {
  const kept = JSON.parse(localStorage.getItem(KEPT) || '[]').filter(r => r.id !== run.id);
  kept.unshift({ id: run.id, projection: run.projection, startedAt: run.startedAt, state: run.state });
  localStorage.setItem(KEPT, JSON.stringify(kept.slice(0, 10)));
}

function earlier() {
  const kept = JSON.parse(localStorage.getItem(KEPT) || '[]');
  if (!kept.length) return h('p', { class: 'state empty' }, 'None yet.');
  return h('ul', null, kept.map(r => h('li', null,
    link(`#/admin/rebuilds?id=${encodeURIComponent(r.id)}`, `${r.projection === 'all' || !r.projection ? 'All projections' : words(r.projection)}, started ${dateTime(r.startedAt)}`),
    r.state ? ` (${words(r.state).toLowerCase()} when last seen)` : '')));
}

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
