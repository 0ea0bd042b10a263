// #/admin/audit?service=&subject=&outcome=&from=&to=&page=: one service's audit trail, newest first
// (GET /api/audit/<service> through the gateway), filtered by who, outcome and time, a page at a time. A request's
// record is named as people name it (an order by its number, an account or a lead by its practice) where the reader
// may open it; any other record keeps the identifier the service logged.
import { get } from '../api.js';
import { h, replace, heading, table, field, form, select, link, words, number, dateTime, guarded, loading } from '../ui.js';
import { navigate } from '../app.js';
import { pager } from '../paging.js';
import { order as readOrder, account as readAccount, lead as readLead, eachLimited } from '../records.js';

const SERVICES = [['lead-service', 'Leads and targets'], ['account-service', 'Accounts, activities and demos'], ['order-service', 'Orders and approvals'],
  ['notification-service', 'Notifications, rules and webhooks'], ['reporting-service', 'Reports and rebuilds']];
const SIZE = 50;

export async function render(main, params, me, screen) {
  const service = SERVICES.some(([s]) => s === params.service) ? params.service : SERVICES[0][0];
  const page = Math.max(0, Number(params.page || 0));
  const filter = { subject: params.subject || '', outcome: params.outcome || '', from: params.from || '', to: params.to || '' };
  const filters = form({ class: 'panel filters', 'aria-label': 'Filter the audit trail' },
    h('div', { class: 'fields' },
      field('Service', select('service', SERVICES, { value: service })),
      field('Who', h('input', { type: 'text', name: 'subject', value: filter.subject, autocomplete: 'off' }), 'a user name, e.g. am.northeast'),
      field('Outcome', select('outcome', [['ALLOWED', 'Allowed'], ['DENIED', 'Denied']], { value: filter.outcome, empty: 'Any outcome' })),
      field('From', h('input', { type: 'datetime-local', name: 'from', value: local(filter.from) })),
      field('To', h('input', { type: 'datetime-local', name: 'to', value: local(filter.to) }))),
    [h('button', { type: 'submit' }, 'Show')],
    async values => {
      const query = new URLSearchParams({ service: values.service || service });
      if (values.subject) query.set('subject', values.subject);
      if (values.outcome) query.set('outcome', values.outcome);
      if (values.from) query.set('from', new Date(values.from).toISOString());
      if (values.to) query.set('to', new Date(values.to).toISOString());
      navigate(`#/admin/audit?${query}`);
    });
  const body = h('div', null, loading('Loading the audit trail…'));
  replace(main, heading('Audit trail'), filters, body);

  await guarded(body, 'load the audit trail', async () => {
    const answer = await get(`/api/audit/${service}`, { ...filter, page, size: SIZE });
    if (screen && !screen.isCurrent()) return;
    const rows = await eachLimited(answer.items || [], 4, async e => [
      dateTime(e.at), e.subject, (e.roles || []).map(words).join(', ') || '—', `${e.method} ${e.path}`, await recordName(e),
      String(e.status), e.outcome === 'DENIED' ? h('strong', null, 'Denied') : 'Allowed',
    ]);
    if (screen && !screen.isCurrent()) return;
    const total = answer.total || 0;
    const here = new URLSearchParams({ service, ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) });
    const at = p => { const q = new URLSearchParams(here); q.set('page', String(p)); return `#/admin/audit?${q}`; };
    replace(body,
      table(['When', 'Who', 'Roles', 'Request', 'Record', 'Answer', 'Outcome'], rows, 'No entries for this filter.',
        `${SERVICES.find(([s]) => s === service)[1]}: ${number(total)} entries`),
      pager(total, page, SIZE, at, 'entries'));
  });
}

// The records a request path names by kind: how to read one, and its name and address in the console.
const RECORDS = [
  [/^\/api\/orders(\/\{id\}(\/.*)?)?$/, readOrder, o => [o.number ? `Order ${o.number}` : 'An order', `#/orders/${encodeURIComponent(o.id)}`]],
  [/^\/api\/accounts(\/\{id\}(\/.*)?)?$/, readAccount, a => [a.name, `#/accounts/${encodeURIComponent(a.id)}`]],
  [/^\/api\/leads(\/\{id\}(\/.*)?)?$/, readLead, l => [l.practiceName, `#/leads/${encodeURIComponent(l.id)}`]],
];

/** The entry's record by name, linked; one that cannot be read (removed, refused) or of another kind as logged. */
async function recordName(entry) {
  if (!entry.recordId) return '—';
  const kind = RECORDS.find(([path]) => path.test(entry.path || ''));
  if (!kind) return entry.recordId;
  try {
    const [name, href] = kind[2](await kind[1](entry.recordId));
    return link(href, name);
  } catch (problem) {
    return entry.recordId;
  }
}

/** An instant (2026-11-03T14:22:05.000Z) as a datetime-local input shows it, in the reader's time zone. */
function local(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  if (isNaN(d)) return '';
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
