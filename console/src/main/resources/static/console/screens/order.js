// #/orders/<id>: an order by its number with the practice's name, its priced lines, the discount's and the
// cancellation's state, the change list, the order-form PDF, and `Change order` / `Cancel order` (or the cancellation
// request when the API answers that a sales manager must approve). Writes send the version read as If-Match.
import { api, get, post } from '../api.js';
import {
  h, replace, heading, section, facts, table, field, form, notice, link, words, money, date, dateTime, guarded,
  errorState, loading,
} from '../ui.js';
import { lineEditor, pricedLines, changeText } from '../order-lines.js';
import { accountName } from '../records.js';

export async function render(main, params, me, screen) {
  await guarded(main, 'open the order', async () => {
    const path = `/api/orders/${encodeURIComponent(params.id)}`;
    const answer = await api(path, { response: true });
    const order = answer.body;
    const [name, products] = await Promise.all([accountName(order.accountId), get('/api/products').catch(() => [])]);
    if (screen && !screen.isCurrent()) return;
    show(main, order, answer.headers.get('ETag'), name, products.items || products, params);
  });
}

function show(main, order, etag, practice, products, params, message) {
  const id = encodeURIComponent(order.id);
  const title = order.number ? `Order ${order.number}` : 'Order';
  const panel = h('div', { 'aria-live': 'polite' });
  const again = async text => {
    const answer = await api(`/api/orders/${id}`, { response: true });
    show(main, answer.body, answer.headers.get('ETag'), practice, products, {}, text);
  };
  const write = (path, body, method = 'POST') => api(path, { method, body, headers: etag ? { 'If-Match': etag } : {} });
  const open = !['CANCELLED', 'SHIPPED', 'DELIVERED', 'INSTALLED'].includes(order.status);

  replace(main,
    heading(title,
      order.status === 'DRAFT' ? h('button', { type: 'button', class: 'primary', onclick: () => submit() }, 'Place order') : null,
      open ? h('button', { type: 'button', onclick: () => changeForm() }, 'Change order') : null,
      order.status !== 'CANCELLED' ? h('button', { type: 'button', class: 'danger', onclick: () => cancelForm() }, 'Cancel order') : null,
      h('a', { class: 'button', href: `/api/orders/${id}/form`, target: '_blank', rel: 'noopener' }, 'Order form (PDF)')),
    h('p', { class: 'subtitle' }, link(`#/accounts/${encodeURIComponent(order.accountId)}`, practice), ` · ${words(order.status)}`),
    params.placed === 'true' ? notice(`Order ${order.number || ''} is placed.`, 'ok') : null,
    message ? notice(message, 'ok') : null,
    order.cancellationRequest ? notice(`Cancellation requested by ${order.cancellationRequest.requestedBy} (${dateTime(order.cancellationRequest.requestedAt)}): ${order.cancellationRequest.reason}. A sales manager decides.`, 'warn') : null,
    order.status === 'CANCELLED' && order.cancellationReason ? notice(`Cancelled: ${order.cancellationReason}`, 'warn') : null,
    panel,
    h('div', { class: 'grid' },
      section('Order', facts([
        ['Order number', order.number], ['Practice', link(`#/accounts/${encodeURIComponent(order.accountId)}`, practice)],
        ['Status', words(order.status)], ['Total', money(order.total)],
        ['Requested delivery', date(order.requestedDeliveryDate)], ['Committed delivery', date(order.committedDeliveryDate)],
        ['Delivery site', order.deliverySite], ['Placed by', order.placedBy], ['Placed', dateTime(order.placedAt)],
        ['Last changed by', order.lastChangedBy], ['Updated', dateTime(order.updatedAt)],
      ]))),
    section('Lines', pricedLines(order)),
    history(order));

  async function submit() {
    try {
      await write(`/api/orders/${id}/submit`);
      await again('The order is placed.');
    } catch (problem) {
      replace(panel, errorState(problem, 'place the order'));
    }
  }

  function changeForm() {
    const editor = lineEditor(products, order.lines, () => {});
    const changeOrder = form({ class: 'panel', 'aria-label': 'Change order' }, [
      h('h2', null, 'Change order'),
      h('div', { class: 'fields' },
        field('Reason', h('input', { type: 'text', name: 'reason', required: true }), 'Told to the departments the change concerns'),
        field('Requested delivery date', h('input', { type: 'date', name: 'requestedDeliveryDate', value: order.requestedDeliveryDate || '' })),
        field('Delivery site', h('input', { type: 'text', name: 'deliverySite', value: order.deliverySite || '' }))),
      editor.element,
    ], [h('button', { type: 'submit', class: 'primary' }, 'Save changes'), h('button', { type: 'button', onclick: () => replace(panel) }, 'Close')], async values => {
      const body = { reason: values.reason, lines: editor.lines() };
      if (values.requestedDeliveryDate && values.requestedDeliveryDate !== order.requestedDeliveryDate) body.requestedDeliveryDate = values.requestedDeliveryDate;
      if (values.deliverySite && values.deliverySite !== order.deliverySite) body.deliverySite = values.deliverySite;
      try {
        await write(`/api/orders/${id}`, body, 'PATCH');
      } catch (problem) {
        if (problem.status === 412) problem.detail = 'Someone changed the order meanwhile. Reload it and make the change again.';
        throw problem;
      }
      await again('The order is changed; the departments it concerns are told.');
    });
    replace(panel, changeOrder);
    changeOrder.querySelector('input[name=reason]').focus();
  }

  function cancelForm() {
    const cancel = form({ class: 'panel', 'aria-label': 'Cancel order' }, [
      h('h2', null, 'Cancel order'),
      field('Reason for cancelling', h('input', { type: 'text', name: 'reason', required: true })),
    ], [h('button', { type: 'submit', class: 'danger' }, 'Cancel the order'), h('button', { type: 'button', onclick: () => replace(panel) }, 'Keep the order')], async (values, el) => {
      try {
        await write(`/api/orders/${id}/cancel`, { reason: values.reason });
        await again('The order is cancelled.');
      } catch (problem) {
        if (problem.code !== 'LATE_CANCELLATION_NEEDS_APPROVAL') throw problem;
        // Production has started: only a sales manager cancels now, so offer to ask one.
        replace(panel, h('div', { class: 'notice warn', role: 'alert' },
          h('p', null, 'The order is in production, so a sales manager must approve its cancellation.'),
          h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'primary', onclick: async () => {
              try {
                await write(`/api/orders/${id}/cancellation-request`, { reason: values.reason });
                await again('The cancellation is requested; a sales manager decides.');
              } catch (p) {
                replace(panel, errorState(p, 'request the cancellation'));
              }
            } }, 'Request cancellation'),
            h('button', { type: 'button', onclick: () => replace(panel) }, 'Keep the order'))));
      }
    });
    replace(panel, cancel);
    cancel.querySelector('input[name=reason]').focus();
  }
}

function history(order) {
  const holder = h('div', null, loading('Loading the changes…'));
  get(`/api/orders/${encodeURIComponent(order.id)}/history`).then(entries => {
    const rows = (entries || []).slice().reverse().map(e => [
      dateTime(e.at), words(e.event) || e.event, e.by || '—', e.reason || '—',
      (e.changes || []).length
        ? h('ul', null, e.changes.map(c => h('li', null, changeText(c))))
        : (e.status ? words(e.status) : '—')]);
    replace(holder, table(['When', 'What', 'By', 'Reason', 'Changes'], rows, 'No changes yet.'));
  }, problem => replace(holder, errorState(problem, 'load the changes')));
  return section('Changes', holder);
}
