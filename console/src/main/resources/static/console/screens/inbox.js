// #/inbox?page=: a department's notifications (GET /api/notifications?department=), unread first, then the rest newest
// first; each names the practice and the order number, says in words when its acknowledgement is overdue, and carries
// `Acknowledge`. New notifications are asked for every 2.5 s and put at the top without redrawing the rows already
// shown (so focus and reading place stay), and announced in a live region.
import { get, post } from '../api.js';
import { h, replace, heading, words, dateTime, guarded, errorState, loading, uid } from '../ui.js';
import { order as readOrder, accountName } from '../records.js';
import { pager } from '../paging.js';
import { changeText } from '../order-lines.js';

const POLL_MS = 2500;
const SIZE = 50;
const STATE = { UNREAD: 'Unread', READ: 'Read', ACKNOWLEDGED: 'Acknowledged' };

export async function render(main, params, me, screen) {
  const page = Math.max(0, Number(params.page || 0));
  const department = me.department || null;
  const said = h('div', { role: 'status', 'aria-live': 'polite', class: 'announcements' });
  const trouble = h('div');
  const body = h('div', null, loading('Loading the inbox…'));
  replace(main, heading(department ? `Inbox: ${words(department)}` : 'Inbox'), said, trouble, body);
  const names = namer(me);

  await guarded(body, 'load the inbox', async () => {
    const [unread, recent] = await Promise.all([
      get('/api/notifications', { department, inbox: 'UNREAD', size: 100 }),
      get('/api/notifications', { department, page, size: SIZE }),
    ]);
    if (screen && !screen.isCurrent()) return;
    const shown = new Map();
    const first = page === 0 ? (unread.items || []) : [];
    const rest = (recent.items || []).filter(n => !first.some(u => u.id === n.id));
    const items = [...first, ...rest.sort((a, b) => unreadFirst(a, b))];
    const tbody = h('tbody');
    const emptyNote = h('p', { class: 'state empty', hidden: items.length > 0 }, 'No notifications yet.');
    const tableEl = h('div', { class: 'table-wrap', hidden: items.length === 0 }, h('table', null,
      h('caption', null, 'Notifications, unread first'),
      h('thead', null, h('tr', null, ['State', 'Practice', 'Order number', 'What happened', 'Received', 'Acknowledge by', 'Action']
        .map(text => h('th', { scope: 'col' }, text)))),
      tbody));
    for (const n of items) {
      const tr = row(n, names, said);
      shown.set(n.id, tr);
      tbody.append(tr);
    }
    const total = recent.total || 0;
    replace(body, emptyNote, tableEl, pager(total, page, SIZE, p => `#/inbox?page=${p}`, 'notifications'));
    if (page === 0) poll(department, shown, tbody, () => { emptyNote.hidden = true; tableEl.hidden = false; }, names, said, trouble, screen);
  });
}

/** Unread before read before acknowledged; newest first within each. */
function unreadFirst(a, b) {
  const rank = n => ({ UNREAD: 0, READ: 1 }[n.inbox] ?? 2);
  return rank(a) - rank(b) || String(b.createdAt).localeCompare(String(a.createdAt));
}

/** Asks for unread notifications until the screen is left; the ones not shown yet go to the top, announced. */
function poll(department, shown, tbody, reveal, names, said, trouble, screen) {
  const tick = async () => {
    if (screen && !screen.isCurrent()) return;
    try {
      const answer = await get('/api/notifications', { department, inbox: 'UNREAD', size: 100 });
      if (screen && !screen.isCurrent()) return;
      const fresh = (answer.items || []).filter(n => !shown.has(n.id)).reverse();
      for (const n of fresh) {
        const tr = row(n, names, said);
        shown.set(n.id, tr);
        tbody.prepend(tr);
      }
      if (fresh.length) {
        reveal();
        const described = await Promise.all(fresh.map(n => names(n).then(x => `${words(n.eventType)}: ${x.orderNumber} for ${x.practice}`)));
        said.textContent = `${fresh.length === 1 ? 'New notification' : `${fresh.length} new notifications`}: ${described.join('; ')}.`;
      }
      replace(trouble);
    } catch (problem) {
      if (problem && problem.status === 401) return;
      replace(trouble, errorState(problem, 'check for new notifications'));
    }
    setTimeout(tick, POLL_MS);
  };
  setTimeout(tick, POLL_MS);
}

/**
 * The practice and order number of a notification: as the notification carries them; else, for those who may read
 * orders (not a department), from order-service.
 */
function namer(me) {
  const readsOrders = (me.roles || []).some(r => ['ACCOUNT_MANAGER', 'SALES_ADMIN', 'SALES_MANAGER', 'ADMIN'].includes(r));
  return async n => {
    let orderNumber = n.orderNumber || null;
    let practice = n.practice || n.practiceName || null;
    if ((!orderNumber || !practice) && n.orderId && readsOrders) {
      const o = await readOrder(n.orderId).catch(() => null);
      if (o) {
        orderNumber = orderNumber || o.number;
        practice = practice || await accountName(o.accountId);
      }
    }
    return { orderNumber: orderNumber || (n.orderId ? 'an order' : '—'), practice: practice || 'a practice' };
  };
}

function row(n, names, said) {
  const tr = h('tr', { class: n.inbox === 'UNREAD' ? 'unread' : null });
  const numberId = uid('n');
  const practiceCell = h('td', null, '…');
  const numberCell = h('td', { id: numberId }, '…');
  names(n).then(x => {
    practiceCell.textContent = x.practice;
    numberCell.textContent = x.orderNumber;
  });
  const overdue = n.inbox !== 'ACKNOWLEDGED' && n.acknowledgeBy && new Date(n.acknowledgeBy) < new Date();
  const action = h('td');
  if (n.inbox === 'ACKNOWLEDGED') {
    action.append(`Acknowledged${n.acknowledgedBy ? ` by ${n.acknowledgedBy}` : ''} ${dateTime(n.acknowledgedAt)}`);
  } else {
    const button = h('button', { type: 'button', 'aria-describedby': numberId }, 'Acknowledge');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const answer = await post(`/api/notifications/${encodeURIComponent(n.id)}/acknowledge`);
        const replacement = row(answer, names, said);
        tr.replaceWith(replacement);
        const x = await names(n);
        said.textContent = `Acknowledged: ${words(n.eventType)}, ${x.orderNumber} for ${x.practice}.`;
      } catch (problem) {
        if (problem && problem.status === 401) return;
        button.disabled = false;
        action.append(errorState(problem, 'acknowledge the notification'));
      }
    });
    action.append(button);
  }
  const changes = (n.changes || []).map(c => h('li', null, changeText(c)));
  tr.append(
    h('td', null, h('span', { class: `badge ${n.inbox === 'UNREAD' ? 'warn' : n.inbox === 'ACKNOWLEDGED' ? 'ok' : ''}` }, STATE[n.inbox] || words(n.inbox))),
    practiceCell,
    numberCell,
    h('td', null, words(n.eventType), changes.length ? h('ul', { class: 'changes' }, changes) : null),
    h('td', null, dateTime(n.createdAt || n.occurredAt)),
    h('td', null, n.acknowledgeBy ? dateTime(n.acknowledgeBy) : '—',
      overdue ? [' ', h('strong', { class: 'badge danger' }, 'Overdue: not acknowledged in time')] : null),
    action);
  return tr;
}
