// Small DOM helpers shared by every screen: elements, labelled fields, tables, the loading/empty/error states in words,
// formatters in the reader's language, and problem+json shown beside the fields it names.

let nextId = 0;
/** A document-unique id for a label's `for`; never shown and never used by tests. */
export const uid = (prefix = 'f') => `${prefix}-${++nextId}`;

/**
 * h('button', {type: 'button', onclick: fn}, 'Save'). Attributes: `class`, `for`, `on<event>` handlers, booleans
 * (true sets, false/null/undefined leaves out), `dataset` objects; children: nodes, strings, numbers, arrays, null.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value' && 'value' in el) el.value = value;
    else el.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Empties a node and puts the children in. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A labelled control with a slot for its error: field('Practice name', h('input', {name: 'practiceName'})).
 * The control's `name` is the problem+json field it answers for (errors[].field), so showProblem finds the slot.
 */
export function field(label, input, hint) {
  if (!input.id) input.id = uid();
  const error = h('p', { class: 'field-error', id: uid('err'), role: 'alert', hidden: true });
  input.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'field', dataset: { field: input.getAttribute('name') || '' } },
    h('label', { for: input.id }, label),
    input,
    hint ? h('p', { class: 'hint' }, hint) : null,
    error);
}

/** A <select> of the given values ([value] or [[value, label]]), with an optional empty first choice. */
export function select(name, values, { value, empty, required } = {}) {
  const el = h('select', { name, required },
    empty !== undefined ? h('option', { value: '' }, empty) : null,
    values.map(v => Array.isArray(v) ? h('option', { value: v[0] }, v[1]) : h('option', { value: v }, words(v))));
  if (value !== undefined && value !== null) el.value = value;
  return el;
}

/** A set of labelled checkboxes named `name`, one per value. */
export function checkboxes(legend, name, values, checked = []) {
  return h('fieldset', { class: 'field checks', dataset: { field: name } },
    h('legend', legend),
    values.map(v => {
      const box = h('input', { type: 'checkbox', name, value: v, id: uid(), checked: checked.includes(v) });
      return h('label', { for: box.id, class: 'check' }, box, ' ', words(v));
    }),
    h('p', { class: 'field-error', role: 'alert', hidden: true }));
}

/** A table with column headers; rows are arrays of cells (nodes or text). Empty rows show `emptyText` instead. */
export function table(headers, rows, emptyText = 'Nothing here yet.', caption) {
  if (!rows.length) return empty(emptyText);
  return h('div', { class: 'table-wrap' }, h('table', null,
    caption ? h('caption', caption) : null,
    h('thead', null, h('tr', null, headers.map(text => h('th', { scope: 'col' }, text)))),
    h('tbody', null, rows.map(cells => h('tr', null, cells.map(cell => h('td', null, cell)))))));
}

export const loading = (text = 'Loading…') => h('p', { class: 'state', role: 'status' }, text);
export const empty = (text = 'Nothing here yet.') => h('p', { class: 'state empty' }, text);

/** What went wrong, in words: the problem's title and detail (never a stack trace). */
export function errorState(problem, what) {
  return h('div', { class: 'state error', role: 'alert' },
    h('p', null, h('strong', null, what ? `Could not ${what}.` : 'Something went wrong.'), ' ', describe(problem)),
    problem && problem.errors && problem.errors.length
      ? h('ul', null, problem.errors.map(e => h('li', null, `${words(e.field || '')}: ${e.message}`))) : null);
}

/** One sentence for a problem: its detail, else its title, else the status. */
export function describe(problem) {
  if (!problem) return '';
  if (problem.status === 404) return problem.detail || 'It does not exist, or it is not in your region.';
  return problem.detail || problem.title || problem.message || `The server answered ${problem.status}.`;
}

/** Renders a screen's body, or its error in words if loading it failed. */
export async function guarded(main, what, work) {
  try {
    return await work();
  } catch (problem) {
    if (problem && problem.status === 401) return;
    replace(main, errorState(problem, what));
    if (!(problem && 'status' in problem)) console.error(problem);
  }
}

/**
 * Shows a problem on a form: each errors[] entry beside the control named by its field (nested fields by their full
 * name, e.g. estimatedValue.amount, else by their first part), the rest in the form's summary. Clears earlier errors.
 */
export function showProblem(form, problem) {
  clearProblem(form);
  const summary = summaryOf(form);
  const leftOver = [];
  for (const error of (problem && problem.errors) || []) {
    const slot = errorSlot(form, error.field || '');
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
      slot.hidden = false;
      const control = slot.closest('.field')?.querySelector('input, select, textarea');
      if (control) control.setAttribute('aria-invalid', 'true');
    } else {
      leftOver.push(error);
    }
  }
  const hasFieldErrors = (problem?.errors?.length || 0) > leftOver.length;
  replace(summary,
    // The detail of a 400 repeats the field errors in the API's words; beside the fields they read better.
    h('p', null, hasFieldErrors && problem.status === 400 ? 'Please correct the fields marked below.' : describe(problem)),
    leftOver.length ? h('ul', null, leftOver.map(e => h('li', null, `${words(e.field || '')}: ${e.message}`))) : null);
  summary.hidden = false;
  const first = form.querySelector('[aria-invalid="true"]');
  (first || summary).focus?.();
  return summary;
}

export function clearProblem(form) {
  form.querySelectorAll('.field-error').forEach(slot => { slot.textContent = ''; slot.hidden = true; });
  form.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
  const summary = form.querySelector(':scope > .form-problem');
  if (summary) { summary.replaceChildren(); summary.hidden = true; }
}

function summaryOf(form) {
  let summary = form.querySelector(':scope > .form-problem');
  if (!summary) {
    summary = h('div', { class: 'form-problem', role: 'alert', tabindex: '-1' });
    form.prepend(summary);
  }
  return summary;
}

function errorSlot(form, name) {
  const candidates = [name, name.replace(/\[\d+\]/g, ''), name.split(/[.[]/)[0]];
  for (const candidate of candidates) {
    const wrapper = [...form.querySelectorAll('[data-field]')].find(el => el.dataset.field === candidate);
    if (wrapper) return wrapper.querySelector(':scope > .field-error');
  }
  return null;
}

/** Form values as an object; checkbox groups as arrays; empty text left out; `a.b` names nested. */
export function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button' || el.type === 'file') continue;
    if (el.type === 'checkbox') {
      const all = form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(el.name)}"]`);
      if (all.length > 1 || el.value !== 'on') {
        const list = getPath(out, el.name) || [];
        if (el.checked) list.push(el.value);
        setPath(out, el.name, list);
      } else {
        setPath(out, el.name, el.checked);
      }
      continue;
    }
    const value = el.value.trim();
    if (value === '') continue;
    setPath(out, el.name, value);
  }
  return out;
}

function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o ? o[k] : undefined), obj);
}

function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  keys.slice(0, -1).forEach(k => { o = o[k] = o[k] || {}; });
  o[keys[keys.length - 1]] = value;
}

/** A form with a problem summary, the fields and a row of buttons; onSubmit(values, form, submitter). */
export function form(attrs, fields, buttons, onSubmit) {
  const el = h('form', { novalidate: true, ...attrs },
    h('div', { class: 'form-problem', role: 'alert', tabindex: '-1', hidden: true }),
    fields,
    h('div', { class: 'actions' }, buttons));
  el.addEventListener('submit', async event => {
    event.preventDefault();
    const submitters = el.querySelectorAll('button');
    submitters.forEach(b => { b.disabled = true; });
    try {
      clearProblem(el);
      await onSubmit(formValues(el), el, event.submitter);
    } catch (problem) {
      if (problem && problem.status === 401) return;
      showProblem(el, problem);
      if (!(problem && 'status' in problem)) console.error(problem);
    } finally {
      submitters.forEach(b => { b.disabled = false; });
    }
  });
  return el;
}

/** A link to a record inside the console: link(`#/leads/${id}`, practiceName). */
export const link = (href, text) => h('a', { href }, text);

/** A screen's title and optional actions. */
export const heading = (title, ...actions) => h('div', { class: 'screen-head' }, h('h1', null, title), actions.length ? h('div', { class: 'actions' }, actions) : null);

/** A labelled section. */
export const section = (title, ...children) => h('section', { class: 'panel' }, h('h2', null, title), children);

/** A definition list from [label, value] pairs (values that are null/empty show a dash). */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.map(([label, value]) => [h('dt', null, label), h('dd', null, value === null || value === undefined || value === '' ? '—' : value)]));
}

// --- Formatters: the reader's language for numbers and dates ------------------------------------------------------------
const locale = navigator.language || 'en-US';
const moneyFormats = new Map();

/** {amount: "85000.00", currency: "USD"} as the reader writes money. */
export function money(value) {
  if (!value || value.amount === undefined || value.amount === null) return '—';
  const currency = value.currency || 'USD';
  if (!moneyFormats.has(currency)) {
    moneyFormats.set(currency, new Intl.NumberFormat(locale, { style: 'currency', currency }));
  }
  return moneyFormats.get(currency).format(Number(value.amount));
}

export const number = value => (value === null || value === undefined ? '—' : new Intl.NumberFormat(locale).format(value));
export const percent = value => (value === null || value === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value) + ' %');

const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** "2027-03-01" (a day, not shifted by time zone) or an instant, as a date. */
export function date(value) {
  if (!value) return '—';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return isNaN(day) ? String(value) : dateFormat.format(day);
}

export function dateTime(value) {
  if (!value) return '—';
  const at = new Date(value);
  return isNaN(at) ? String(value) : dateTimeFormat.format(at);
}

/** An API constant or field name in words: DECISION_MAKER -> "Decision maker", requestedDeliveryDate -> "Requested delivery date". */
export function words(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Field and event names (requestedDeliveryDate, OrderPlaced) read as words too.
  if (/^[A-Za-z]+$/.test(text) && (/[a-z][A-Z]/.test(text) || /^[a-z]+$/.test(text))) text = text.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  if (!/^[A-Z0-9_]+$/.test(text)) return text;
  const lower = text.toLowerCase().replace(/_/g, ' ');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** A <dialog>-free confirmation/notice area that screens put above their content. */
export function notice(text, kind = 'info') {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
