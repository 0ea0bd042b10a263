// #/accounts/<id>: an account with its buying committee, contacts, orders, demos (booked on a demo unit's calendar)
// and timeline, and the `Log activity` form. ?opening=true (just converted) waits for account-service to open it.
import { get, post } from '../api.js';
import {
  h, replace, heading, section, facts, table, field, select, checkboxes, form, notice, link, words, money, date,
  dateTime, guarded, errorState, loading, empty,
} from '../ui.js';
import { enumOf } from '../catalogue.js';
import { contactsSection } from '../contacts.js';

export async function render(main, params, me, screen) {
  await guarded(main, 'open the account', async () => {
    const account = await load(params.id, params.opening === 'true', main, screen);
    if (!account || (screen && !screen.isCurrent())) return;
    const [roles, types, directions, products] = await Promise.all([
      enumOf('/api/accounts/{id}/contacts', 'post', 'buyingRole'),
      enumOf('/api/accounts/{id}/activities', 'post', 'type'),
      enumOf('/api/accounts/{id}/activities', 'post', 'direction'),
      get('/api/products').catch(() => []),
    ]);
    show(main, account, { roles, types, directions, products: products.items || products }, params);
  });
}

/** The account; just after a conversion account-service opens it from the event, so a 404 is asked again for a while. */
async function load(id, opening, main, screen) {
  const path = `/api/accounts/${encodeURIComponent(id)}`;
  const until = Date.now() + (opening ? 20_000 : 0);
  for (;;) {
    try {
      return await get(path);
    } catch (problem) {
      if (problem.status !== 404 || Date.now() > until || (screen && !screen.isCurrent())) throw problem;
      replace(main, loading('The account is being opened…'));
      await new Promise(resolve => setTimeout(resolve, 700));
    }
  }
}

function show(main, account, choices, params) {
  const id = encodeURIComponent(account.id);
  replace(main,
    heading(account.name, h('a', { class: 'button primary', href: `#/orders/new?account=${id}` }, 'New order')),
    h('p', { class: 'subtitle' }, [words(account.status), words(account.specialty), [account.city, account.country].filter(Boolean).join(', ')].filter(Boolean).join(' · ')),
    params.opening === 'true' ? notice('The lead is converted: this is its account.', 'ok') : null,
    account.channelConflict ? notice('Channel conflict: this practice is also served through another channel. Sales management has been told.', 'warn') : null,
    h('div', { class: 'grid' },
      section('Account', facts([
        ['Status', words(account.status)], ['Kind', words(account.kind)], ['Region', words(account.region)],
        ['Owner', account.owner], ['Customer since', date(account.customerSince)], ['Last activity', dateTime(account.lastActivityAt)],
        ['Completeness', account.completeness ? `${account.completeness.score} %` : null],
      ])),
      committee(account)),
    contacts(account, choices, main),
    orders(account),
    demos(account, choices),
    timeline(account, choices));
}

function committee(account) {
  const bc = account.buyingCommittee || { known: [], missing: [] };
  return section('Buying committee',
    h('p', null, 'Known: ', bc.known?.length ? bc.known.map(r => h('span', { class: 'badge ok' }, words(r))).flatMap(b => [b, ' ']) : 'nobody yet'),
    h('p', null, 'Missing: ', bc.missing?.length ? bc.missing.map(r => h('span', { class: 'badge warn' }, words(r))).flatMap(b => [b, ' ']) : 'nobody'));
}

function contacts(account, choices, main) {
  return contactsSection(account.contacts, choices.roles, async values => {
    await post(`/api/accounts/${encodeURIComponent(account.id)}/contacts`, values);
    show(main, await get(`/api/accounts/${encodeURIComponent(account.id)}`), choices, {});
  });
}

function orders(account) {
  const holder = h('div', null, loading('Loading the orders…'));
  get('/api/orders', { accountId: account.id, size: 50 }).then(answer => {
    const rows = (answer.items || []).map(o => [
      link(`#/orders/${encodeURIComponent(o.id)}`, o.number || 'Order without a number'),
      words(o.status), money(o.total), date(o.requestedDeliveryDate), date(o.committedDeliveryDate)]);
    replace(holder, table(['Order number', 'Status', 'Total', 'Requested delivery', 'Committed delivery'], rows, 'No orders or quotes yet.'));
  }, problem => replace(holder, errorState(problem, 'load the orders')));
  return section('Orders and quotes', holder);
}

// --- Demos ---------------------------------------------------------------------------------------------------------
function demos(account, choices) {
  const list = h('div', null, loading('Loading the demos…'));
  const calendar = h('div', { 'aria-live': 'polite' });
  const refresh = () => get('/api/demos', { accountId: account.id }).then(answer => {
    const rows = (answer.items || []).map(d => [dateTime(d.start), dateTime(d.end), d.demoUnit, (d.products || []).map(sku => productName(choices, sku)).join(', '), words(d.status), words(d.outcome)]);
    replace(list, table(['Start', 'End', 'Demo unit', 'Products', 'Status', 'Outcome'], rows, 'No demos booked for this account.'));
  }, problem => replace(list, errorState(problem, 'load the demos')));
  refresh();

  const unit = h('input', { type: 'text', name: 'demoUnit', required: true, autocomplete: 'off' });
  /** The unit's booked times from now on, under what was just said (the booking, or the clash). */
  const showCalendar = async (name = unit.value.trim(), said = null) => {
    if (!name) { replace(calendar, said); return; }
    replace(calendar, said, loading(`Loading the calendar of ${name}…`));
    try {
      const answer = await get('/api/demos', { demoUnit: name });
      const upcoming = (answer.items || []).filter(d => new Date(d.end) >= new Date());
      replace(calendar, said, h('h3', null, `${name}: booked times`),
        upcoming.length ? table(['From', 'To'], upcoming.map(d => [dateTime(d.start), dateTime(d.end)]))
          : empty(`${name} is free: nothing booked from now on.`));
    } catch (problem) {
      replace(calendar, said, errorState(problem, 'load the demo unit’s calendar'));
    }
  };
  unit.addEventListener('change', () => showCalendar());

  const skus = choices.products.map(p => p.sku);
  const productBoxes = checkboxes('Products to show', 'products', skus);
  productBoxes.querySelectorAll('label.check').forEach((label, i) => { label.lastChild.textContent = choices.products[i].name; });
  const bookForm = form({ 'aria-label': 'Book a demo' }, [
    h('div', { class: 'fields' },
      field('Demo unit', unit, 'The unit’s booked times show below'),
      field('Start', h('input', { type: 'datetime-local', name: 'start', required: true })),
      field('End', h('input', { type: 'datetime-local', name: 'end', required: true }))),
    calendar,
    productBoxes,
  ], [h('button', { type: 'submit' }, 'Book demo'), h('button', { type: 'button', onclick: () => showCalendar() }, 'Show the unit’s calendar')], async (values, el) => {
    const body = { accountId: account.id, demoUnit: values.demoUnit, products: values.products || [], start: instant(values.start), end: instant(values.end) };
    try {
      await post('/api/demos', body);
    } catch (problem) {
      if (problem.status === 409) {
        const clash = problem.clashStart && problem.clashEnd ? ` from ${dateTime(problem.clashStart)} to ${dateTime(problem.clashEnd)}` : '';
        // The clash in words on the form, and the unit's calendar beside it to choose another time.
        showCalendar(body.demoUnit);
        throw Object.assign(problem, { detail: `${body.demoUnit} is already booked${clash}. Choose another time or another unit.` });
      }
      throw problem;
    }
    el.reset();
    showCalendar(body.demoUnit, notice(`The demo is booked on ${body.demoUnit}.`, 'ok'));
    refresh();
  });
  // The calendar sits under the unit and the times, where a clash is read and another time chosen.
  return section('Demos', list, h('h3', null, 'Book a demo'), bookForm);
}

function productName(choices, sku) {
  const product = choices.products.find(p => p.sku === sku);
  return product ? product.name : sku;
}

/** A datetime-local value (the reader's time) as an instant; an empty value stays empty for the API to refuse. */
function instant(local) {
  if (!local) return null;
  const at = new Date(local);
  return isNaN(at) ? local : at.toISOString();
}

// --- Timeline and Log activity --------------------------------------------------------------------------------------
function timeline(account, choices) {
  const list = h('div', null, loading('Loading the timeline…'));
  const refresh = () => get(`/api/accounts/${encodeURIComponent(account.id)}/timeline`, { size: 50 }).then(answer => {
    const rows = (answer.items || []).map(a => [
      dateTime(a.occurredAt), [words(a.type), a.direction ? `(${words(a.direction).toLowerCase()})` : null].filter(Boolean).join(' '),
      a.summary || '—', a.outcome || '—',
      a.nextStep ? `${a.nextStep.action}, due ${date(a.nextStep.due)}${a.nextStep.done ? ' (done)' : ''}` : '—', a.loggedBy || '—']);
    replace(list, table(['When', 'What', 'Summary', 'Outcome', 'Next step', 'By'], rows, 'Nothing logged yet.'));
  }, problem => replace(list, errorState(problem, 'load the timeline')));
  refresh();

  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const logForm = form({ 'aria-label': 'Log activity' }, [
    h('div', { class: 'fields' },
      field('Type', select('type', choices.types, { empty: 'Choose a type', required: true })),
      field('Direction', select('direction', choices.directions, { empty: 'Not given' })),
      field('When', h('input', { type: 'datetime-local', name: 'occurredAt', value: now, required: true })),
      field('Participants', h('input', { type: 'text', name: 'participants' }), 'Names, separated by commas')),
    field('Summary', h('textarea', { name: 'summary', rows: 3, required: true })),
    h('div', { class: 'fields' },
      field('Outcome', h('input', { type: 'text', name: 'outcome' })),
      field('Next step', h('input', { type: 'text', name: 'nextStep.action' })),
      field('Next step due', h('input', { type: 'date', name: 'nextStep.due' }))),
  ], [h('button', { type: 'submit', class: 'primary' }, 'Log activity')], async (values, el) => {
    const body = { ...values, occurredAt: instant(values.occurredAt) };
    body.participants = values.participants ? values.participants.split(',').map(p => p.trim()).filter(Boolean) : undefined;
    if (!values.nextStep) delete body.nextStep;
    await post(`/api/accounts/${encodeURIComponent(account.id)}/activities`, body);
    el.reset();
    el.querySelector('input[name=occurredAt]').value = now;
    refresh();
  });
  return section('Timeline', h('h3', null, 'Log activity'), logForm, list);
}
