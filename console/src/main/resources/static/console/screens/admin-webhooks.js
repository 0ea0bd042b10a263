// #/admin/webhooks?subscription=&page=: the departments' webhook subscriptions (GET/POST/DELETE
// /api/webhook-subscriptions) with how their deliveries fare, and one subscription's deliveries, newest first
// (GET /api/webhook-subscriptions/{id}/deliveries), each named by its order number and practice.
import { get, post, del } from '../api.js';
import { h, replace, heading, section, table, field, form, select, checkboxes, notice, words, number, dateTime, guarded, loading, errorState } from '../ui.js';
import { navigate } from '../app.js';
import { order as readOrder, accountName, eachLimited } from '../records.js';
import { pager } from '../paging.js';

const EVENTS = ['OrderPlaced', 'OrderChanged', 'OrderCancelled', 'DeliveryCommitmentAtRisk', 'DeliveryCommitmentMissed', 'LeadAssigned', 'ChannelConflictDetected'];
const DEPARTMENTS = ['SALES_ADMINISTRATION', 'PRODUCTION', 'LOGISTICS', 'INSTALLATION', 'FINANCE'];
const SIZE = 50;

export async function render(main, params, me, screen) {
  const said = h('div', { 'aria-live': 'polite' });
  const editor = h('div');
  const list = h('div', null, loading('Loading the subscriptions…'));
  const deliveries = h('div');
  replace(main, heading('Webhooks', h('button', { type: 'button', class: 'primary', onclick: () => subscribe() }, 'New subscription')),
    said, editor, section('Subscriptions', list), deliveries);

  let subscriptions = [];
  async function load(message) {
    subscriptions = await get('/api/webhook-subscriptions');
    if (screen && !screen.isCurrent()) return;
    replace(said, message ? notice(message, 'ok') : null);
    replace(list, table(['Department', 'Address', 'Events', 'Delivered', 'Failed attempts', 'Last error', 'Circuit', 'Created', 'Actions'],
      subscriptions.map(s => [
        words(s.department), s.url, (s.eventTypes || []).map(words).join(', '), number(s.delivered), number(s.failures),
        s.lastError ? `${s.lastError} (${dateTime(s.lastFailureAt)})` : '—', words(s.circuit) || '—',
        `${dateTime(s.createdAt)}${s.createdBy ? ` by ${s.createdBy}` : ''}`,
        h('div', { class: 'actions' },
          h('a', { class: 'button', href: `#/admin/webhooks?subscription=${encodeURIComponent(s.id)}` }, `Deliveries to ${words(s.department)}`),
          h('button', { type: 'button', class: 'danger', onclick: () => remove(s) }, 'Unsubscribe')),
      ]), 'No webhook subscriptions yet.'));
  }

  async function remove(s) {
    if (!window.confirm(`Stop sending events to ${s.url}?`)) return;
    try {
      await del(`/api/webhook-subscriptions/${encodeURIComponent(s.id)}`);
      await load(`${words(s.department)} no longer receives events at ${s.url}.`);
    } catch (problem) {
      if (problem && problem.status === 401) return;
      replace(said, errorState(problem, 'unsubscribe'));
    }
  }

  function subscribe() {
    const newForm = form({ class: 'panel', 'aria-label': 'New subscription' }, [
      h('h2', null, 'New subscription'),
      h('div', { class: 'fields' },
        field('Department', select('department', DEPARTMENTS.map(d => [d, words(d)]), { value: 'PRODUCTION' })),
        field('Address (URL)', h('input', { type: 'url', name: 'url', required: true, placeholder: 'http://127.0.0.1:9999/hooks' })),
        field('Signing secret', h('input', { type: 'password', name: 'secret', autocomplete: 'new-password' }), 'signs each delivery (Chairside-Signature)')),
      checkboxes('Events', 'eventTypes', EVENTS, ['OrderChanged', 'OrderCancelled']),
    ], [h('button', { type: 'submit', class: 'primary' }, 'Subscribe'), h('button', { type: 'button', onclick: () => replace(editor) }, 'Close')], async values => {
      const made = await post('/api/webhook-subscriptions', {
        department: values.department, url: values.url || '', eventTypes: values.eventTypes || [], secret: values.secret || '',
      });
      replace(editor);
      await load(`${words(made.department)} now receives ${(made.eventTypes || []).map(words).join(', ')} at ${made.url}.`);
    });
    replace(editor, newForm);
    newForm.querySelector('select').focus();
  }

  await guarded(list, 'load the subscriptions', () => load());
  if (params.subscription) await showDeliveries(deliveries, params.subscription, Math.max(0, Number(params.page || 0)), subscriptions, screen);
}

async function showDeliveries(holder, id, page, subscriptions, screen) {
  const s = subscriptions.find(x => x.id === id);
  const title = s ? `Deliveries to ${words(s.department)} (${s.url})` : 'Deliveries';
  replace(holder, section(title, loading('Loading the deliveries…')));
  await guarded(holder, 'load the deliveries', async () => {
    const answer = await get(`/api/webhook-subscriptions/${encodeURIComponent(id)}/deliveries`, { page, size: SIZE });
    const items = answer.items || [];
    const rows = await eachLimited(items, 4, async d => {
      const o = d.orderId ? await readOrder(d.orderId).catch(() => null) : null;
      return [
        o ? h('a', { href: `#/orders/${encodeURIComponent(o.id)}` }, o.number || 'Order') : (d.orderId ? 'an order' : '—'),
        o ? await accountName(o.accountId) : '—',
        words(d.eventType), words(d.status), number(d.attempts), d.lastError || '—', dateTime(d.lastAttemptAt), dateTime(d.deliveredAt),
      ];
    });
    if (screen && !screen.isCurrent()) return;
    const total = answer.total || 0;
    const base = `#/admin/webhooks?subscription=${encodeURIComponent(id)}`;
    replace(holder, section(title,
      table(['Order number', 'Practice', 'Event', 'State', 'Attempts', 'Last error', 'Last attempt', 'Delivered'], rows, 'Nothing delivered yet.'),
      pager(total, page, SIZE, p => `${base}&page=${p}`, 'deliveries'),
      h('p', null, h('button', { type: 'button', onclick: () => navigate('#/admin/webhooks') }, 'Close the deliveries'))));
  });
}
