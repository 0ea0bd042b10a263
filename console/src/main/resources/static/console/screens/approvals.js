// #/approvals: what waits for the signed-in manager's decision (GET /api/approvals), oldest first: discounts above the
// threshold and cancellation requests, each by practice and order number with `Approve` and `Reject` (a reason asked
// for first). The decisions are order-service's own endpoints; who may decide is the API's answer (e.g. 403
// SEPARATION_OF_DUTIES), shown in words in the row.
import { get, post } from '../api.js';
import { h, replace, heading, table, link, money, percent, dateTime, guarded, field, errorState, uid, loading } from '../ui.js';

const KIND = { DISCOUNT: 'Discount', CANCELLATION: 'Cancellation' };

export async function render(main, params, me, screen) {
  const said = h('div', { role: 'status', 'aria-live': 'polite', class: 'announcements' });
  const body = h('div', null, loading('Loading what waits for your decision…'));
  replace(main, heading('Approvals'), said, body);
  await guarded(body, 'load the approvals', async () => {
    const answer = await get('/api/approvals');
    if (screen && !screen.isCurrent()) return;
    const items = answer.items || [];
    if (!items.length) {
      replace(body, h('p', { class: 'state empty' }, 'Nothing waits for your decision.'));
      return;
    }
    const rows = items.map(item => row(item, said));
    replace(body, table(['Practice', 'Order number', 'What', 'Order value', 'Discount', 'Requested by', 'Requested', 'Reason', 'Decision'],
      rows.map(r => r.cells), 'Nothing waits for your decision.', `${items.length} waiting, oldest first`));
    // Each row's cells are in place now: let the decision cell describe its buttons by the order's number.
    rows.forEach(r => r.bind());
  });
}

function row(item, said) {
  const id = encodeURIComponent(item.orderId);
  const numberId = uid('order');
  const kind = KIND[item.kind] || item.kind;
  const orderNumber = h('span', { id: numberId }, link(`#/orders/${id}`, item.orderNumber || 'Order'));
  const decision = h('div', { class: 'actions' });
  const what = `${kind.toLowerCase()} on ${item.orderNumber || 'the order'} for ${item.practice || 'the practice'}`;

  const done = text => {
    replace(decision, h('span', { class: 'badge ok' }, text));
    said.textContent = `${text}: ${what}.`;
  };
  const failed = (problem, verb) => {
    buttons();
    decision.append(errorState(problem, `${verb} the ${what}`));
  };

  const approve = async button => {
    button.disabled = true;
    try {
      await post(item.kind === 'DISCOUNT' ? `/api/orders/${id}/discount-approval` : `/api/orders/${id}/cancellation-request/approve`);
      done('Approved');
    } catch (problem) {
      if (problem && problem.status === 401) return;
      failed(problem, 'approve');
    }
  };

  const askReason = () => {
    const input = h('input', { type: 'text', name: 'reason', required: true });
    const reject = h('form', { class: 'inline', 'aria-label': `Reject the ${what}` },
      field('Reason for rejecting', input),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'danger' }, 'Reject'),
        h('button', { type: 'button', onclick: () => buttons() }, 'Keep waiting')));
    reject.addEventListener('submit', async event => {
      event.preventDefault();
      reject.querySelectorAll('button').forEach(b => { b.disabled = true; });
      try {
        await post(item.kind === 'DISCOUNT' ? `/api/orders/${id}/discount-approval/reject` : `/api/orders/${id}/cancellation-request/reject`,
          { reason: input.value.trim() });
        done('Rejected');
      } catch (problem) {
        if (problem && problem.status === 401) return;
        reject.querySelectorAll('button').forEach(b => { b.disabled = false; });
        const slot = reject.querySelector('.field-error');
        const fieldError = (problem.errors || []).find(e => e.field === 'reason');
        if (fieldError && slot) { slot.textContent = fieldError.message; slot.hidden = false; input.setAttribute('aria-invalid', 'true'); input.focus(); }
        else failed(problem, 'reject');
      }
    });
    replace(decision, reject);
    input.focus();
  };

  function buttons() {
    const yes = h('button', { type: 'button', class: 'primary', 'aria-describedby': numberId }, 'Approve');
    const no = h('button', { type: 'button', class: 'danger', 'aria-describedby': numberId }, 'Reject');
    yes.addEventListener('click', () => approve(yes));
    no.addEventListener('click', askReason);
    replace(decision, yes, no);
  }

  return {
    cells: [item.practice || '—', orderNumber, kind, money(item.value),
      item.discountPercent === null || item.discountPercent === undefined ? '—' : percent(item.discountPercent),
      item.requestedBy || '—', dateTime(item.requestedAt), item.reason || '—', decision],
    bind: buttons,
  };
}
