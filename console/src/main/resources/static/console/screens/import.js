// #/import?id=<import>: a CSV file of leads uploaded as it is (text/csv) to the lead import, then watched: a progress
// bar that moves while the import runs and, when it ends, the counts and the problem report. The import's id stays in
// the address, so a reload goes on watching.
import { api, get } from '../api.js';
import { h, replace, heading, section, field, form, table, facts, number, guarded, errorState, notice } from '../ui.js';
import { navigate } from '../app.js';

const PAGE = 100;

export async function render(main, params, me, screen) {
  const watch = h('div', { 'aria-live': 'polite' });
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const upload = form({ class: 'panel', 'aria-label': 'Import leads' }, [
    field('CSV file', file, 'UTF-8, a header row of the lead fields (practiceName;specialty;city;country;email;…), “,” or “;” between values'),
  ], [h('button', { type: 'submit', class: 'primary' }, 'Upload')], async (values, el) => {
    const chosen = file.files[0];
    if (!chosen) {
      // Nothing to send: say so beside the field rather than send an empty body.
      throw { status: 400, errors: [{ field: 'file', message: 'choose a CSV file' }] };
    }
    const rows = await countRows(chosen);
    const started = await api('/api/leads/imports', { method: 'POST', body: chosen, contentType: 'text/csv' });
    navigate(`#/import?id=${encodeURIComponent(started.id)}&rows=${rows}`);
  });
  replace(main, heading('Import leads'), upload, watch);
  if (params.id) await follow(watch, params.id, Number(params.rows || 0), screen);
}

/** Data rows in the file (lines after the header; a quoted line break counts too, so the bar may end early). */
async function countRows(file) {
  const reader = file.stream().getReader();
  let lines = 0;
  let last = 10;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    if (value.length) last = value[value.length - 1];
  }
  if (last !== 10) lines++;
  return Math.max(0, lines - 1);
}

async function follow(watch, id, rows, screen) {
  const path = `/api/leads/imports/${encodeURIComponent(id)}`;
  const bar = h('progress', { max: String(rows || 1), value: '0', 'aria-label': 'Import progress' });
  const counts = h('div');
  replace(watch, section('Progress', bar, counts));
  for (;;) {
    if (screen && !screen.isCurrent()) return;
    let state;
    try {
      state = await get(path);
    } catch (problem) {
      if (problem.status === 503) { await pause(2000); continue; }   // a busy store: ask again
      replace(watch, errorState(problem, 'follow the import'));
      return;
    }
    const done = state.status === 'DONE';
    bar.max = Math.max(rows, state.rowsRead || 0, 1);
    bar.value = done ? bar.max : (state.rowsRead || 0);
    replace(counts, facts([
      ['Status', done ? 'Finished' : 'Running'],
      ['Rows read', rows ? `${number(state.rowsRead)} of ${number(rows)}` : number(state.rowsRead)],
      ['Leads created', number(state.created)], ['Duplicates', number(state.duplicates)], ['Rejected', number(state.rejected)],
    ]));
    if (done) {
      watch.append(report(id, state));
      return;
    }
    await pause(1000);
  }
}

function report(id, state) {
  const total = state.problemsTotal ?? (state.problems || []).length;
  const holder = h('div');
  const show = (problems, page) => {
    replace(holder,
      table(['Line', 'Problem'], problems.map(p => [String(p.line), p.reason]), 'Every row was imported or recognised as a duplicate.'),
      total > PAGE ? h('nav', { class: 'actions', 'aria-label': 'Problem pages' },
        page > 0 ? h('button', { type: 'button', onclick: () => load(page - 1) }, 'Previous problems') : null,
        h('span', null, `Page ${page + 1} of ${Math.ceil(total / PAGE)}`),
        (page + 1) * PAGE < total ? h('button', { type: 'button', onclick: () => load(page + 1) }, 'Next problems') : null) : null);
  };
  const load = async page => {
    try {
      const answer = await get(`/api/leads/imports/${encodeURIComponent(id)}/problems`, { page, size: PAGE });
      show(Array.isArray(answer) ? answer : (answer.items || []), page);
    } catch (problem) {
      replace(holder, errorState(problem, 'load the problems'));
    }
  };
  if (total > PAGE) load(0); else show(state.problems || [], 0);
  return section(`Problem report (${number(total)} ${total === 1 ? 'problem' : 'problems'})`,
    total ? null : notice('No problems.', 'ok'), holder);
}

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
