// #/my-day: the account manager's day: overdue next steps, leads to follow up, demos this week on their accounts,
// and orders whose delivery is at risk (from the delivery watch's notifications to their region).
import { get, post } from '../api.js';
import { h, replace, heading, section, table, link, words, date, dateTime, money, loading, errorState } from '../ui.js';
import { account, lead, order, eachLimited } from '../records.js';

export async function render(main, params, me) {
  const parts = [
    ['Overdue next steps', overdue],
    ['Leads to follow up', followUps],
    ['Demos this week', demosThisWeek],
    ['Orders at risk', ordersAtRisk],
  ].map(([title, load]) => {
    const holder = h('div', null, loading());
    load(holder, me).catch(problem => replace(holder, errorState(problem, `load ${title.toLowerCase()}`)));
    return section(title, holder);
  });
  replace(main, heading(`My day, ${me.user}`), h('div', { class: 'grid wide' }, parts));
}

async function overdue(holder) {
  const answer = await get('/api/activities/overdue');
  const items = answer.items || [];
  const rows = await eachLimited(items, 4, async a => {
    const where = a.accountId
      ? link(`#/accounts/${encodeURIComponent(a.accountId)}`, await account(a.accountId).then(x => x.name, () => 'an account'))
      : a.leadId ? link(`#/leads/${encodeURIComponent(a.leadId)}`, await lead(a.leadId).then(x => x.practiceName, () => 'a lead')) : '—';
    const done = h('button', { type: 'button', onclick: async () => {
      done.disabled = true;
      try {
        await post(`/api/activities/${encodeURIComponent(a.id)}/next-step/done`);
        done.replaceWith(h('span', { class: 'badge ok' }, 'Done'));
      } catch (problem) {
        done.disabled = false;
        done.after(errorState(problem, 'mark the step done'));
      }
    } }, 'Mark done');
    return [a.nextStep?.action || '—', date(a.nextStep?.due), where, `${words(a.type)}: ${a.summary || ''}`, done];
  });
  replace(holder, table(['Next step', 'Due', 'Practice', 'From', ''], rows, 'Nothing overdue.'));
}

async function followUps(holder, me) {
  const [fresh, contacted] = await Promise.all([
    get('/api/leads', { status: 'NEW', owner: me.user, size: 20 }),
    get('/api/leads', { status: 'CONTACTED', owner: me.user, size: 20 }),
  ]);
  const items = [...(fresh.items || []), ...(contacted.items || [])];
  const rows = items.map(l => [link(`#/leads/${encodeURIComponent(l.id)}`, l.practiceName), words(l.status), l.city || '—',
    l.qualification ? `${l.qualification.score} of 100` : '—', money(l.estimatedValue), date(l.capturedAt)]);
  const more = (fresh.total || 0) + (contacted.total || 0) - items.length;
  replace(holder, table(['Practice', 'Status', 'City', 'Qualification', 'Estimated value', 'Captured'], rows, 'No new or contacted leads.'),
    more > 0 ? h('p', null, link(`#/leads?mine=true`, `${more} more in the leads list`)) : null);
}

/** Demos on the caller's accounts from the reader's midnight today to seven days on, by start time, in one call. */
async function demosThisWeek(holder) {
  const from = new Date(); from.setHours(0, 0, 0, 0);
  const until = new Date(from); until.setDate(until.getDate() + 7);
  const answer = await get('/api/demos', { owner: 'me', from: from.toISOString(), until: until.toISOString() });
  const rows = (answer.items || []).map(d => [dateTime(d.start), link(`#/accounts/${encodeURIComponent(d.accountId)}`, d.practiceName),
    d.demoUnit, words(d.status)]);
  replace(holder, table(['When', 'Practice', 'Demo unit', 'Status'], rows, 'No demos this week.'));
}

/** Orders the delivery watch flagged (at risk or missed) in the caller's region, newest first, each once. */
async function ordersAtRisk(holder) {
  const [risk, missed] = await Promise.all([
    get('/api/notifications', { eventType: 'DeliveryCommitmentAtRisk', size: 100 }),
    get('/api/notifications', { eventType: 'DeliveryCommitmentMissed', size: 100 }),
  ]);
  const seen = new Map();
  for (const n of [...(missed.items || []), ...(risk.items || [])]) {
    if (n.orderId && !seen.has(n.orderId)) seen.set(n.orderId, n);
  }
  const flagged = [...seen.values()];
  const rows = (await eachLimited(flagged, 4, async n => {
    const o = await order(n.orderId).catch(() => null);
    if (!o || ['CANCELLED', 'DELIVERED', 'INSTALLED'].includes(o.status)) return null;
    const practice = await account(o.accountId).then(x => x.name, () => 'an account');
    return [link(`#/orders/${encodeURIComponent(o.id)}`, o.number || 'Order'), practice, words(o.status),
      date(o.committedDeliveryDate), n.eventType === 'DeliveryCommitmentMissed' ? 'Date missed' : 'At risk'];
  })).filter(Boolean);
  replace(holder, table(['Order number', 'Practice', 'Status', 'Committed delivery', 'Risk'], rows, 'No orders at risk.'));
}
