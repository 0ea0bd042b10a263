// #/admin/rules: notification-service's routing rules (GET/POST/PUT/DELETE /api/notification-rules): which event, on
// which conditions, reaches whom; and the dry run (POST /api/notification-rules/dry-run): an event described here,
// answered with the departments, people, rules and webhook subscriptions it would reach, without telling anyone.
import { get, post, put, del } from '../api.js';
import { h, replace, heading, section, table, field, form, select, checkboxes, notice, words, money, dateTime, guarded, loading, errorState } from '../ui.js';
import { REGIONS } from '../plan.js';

const EVENTS = ['OrderPlaced', 'OrderChanged', 'OrderCancelled', 'DeliveryCommitmentAtRisk', 'DeliveryCommitmentMissed', 'LeadAssigned', 'ChannelConflictDetected'];
const DEPARTMENTS = ['SALES_ADMINISTRATION', 'PRODUCTION', 'LOGISTICS', 'INSTALLATION', 'FINANCE'];
const EVENT_SOURCE = { LeadAssigned: 'lead', ChannelConflictDetected: 'account' };

export async function render(main, params, me, screen) {
  const said = h('div', { 'aria-live': 'polite' });
  const editor = h('div');
  const list = h('div', null, loading('Loading the rules…'));
  const dryRun = h('div');
  replace(main,
    heading('Routing rules', h('button', { type: 'button', class: 'primary', onclick: () => edit(null) }, 'New rule')),
    said, editor, section('Rules', list), dryRun);

  let rules = [];
  async function load(message) {
    rules = await get('/api/notification-rules');
    if (screen && !screen.isCurrent()) return;
    replace(said, message ? notice(message, 'ok') : null);
    replace(list, table(['Name', 'Event', 'Conditions', 'Tells', 'State', 'Last changed', 'Actions'], rules.map(rule => [
      rule.name || '—', words(rule.eventType), conditionsText(rule.conditions), recipientsText(rule.recipients),
      rule.enabled ? 'On' : 'Off', `${dateTime(rule.updatedAt)}${rule.updatedBy ? ` by ${rule.updatedBy}` : ''}`,
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => edit(rule) }, 'Edit'),
        h('button', { type: 'button', class: 'danger', onclick: () => remove(rule) }, 'Delete')),
    ]), 'No routing rules: nobody is told of anything.'));
  }

  async function remove(rule) {
    if (!window.confirm(`Delete the rule “${rule.name}”?`)) return;
    try {
      await del(`/api/notification-rules/${encodeURIComponent(rule.id)}`);
      await load(`The rule “${rule.name}” is deleted.`);
    } catch (problem) {
      if (problem && problem.status === 401) return;
      replace(said, errorState(problem, 'delete the rule'));
    }
  }

  function edit(rule) {
    const c = rule?.conditions || {};
    const r = rule?.recipients || {};
    const ruleForm = form({ class: 'panel', 'aria-label': rule ? 'Edit rule' : 'New rule' }, [
      h('h2', null, rule ? `Edit “${rule.name}”` : 'New rule'),
      h('div', { class: 'fields' },
        field('Name', h('input', { type: 'text', name: 'name', value: rule?.name || '', required: true })),
        field('Event', select('eventType', EVENTS.map(e => [e, words(e)]), { value: rule?.eventType || EVENTS[1] })),
        field('Changed fields', h('input', { type: 'text', name: 'changedFields', value: (c.changedFields || []).join(', ') }), 'e.g. requestedDeliveryDate, total, lines; empty: any'),
        field('Minimum order value', h('input', { type: 'number', name: 'minAmount', min: '0', step: '0.01', value: c.minOrderValue?.amount ?? '' })),
        field('Currency of the minimum', select('minCurrency', [['USD', 'USD'], ['EUR', 'EUR']], { value: c.minOrderValue?.currency || 'USD' })),
        field('Product lines', h('input', { type: 'text', name: 'productLines', value: (c.productLines || []).join(', ') }), 'e.g. ORTHODONTIC; empty: any'),
        field('People told', h('input', { type: 'text', name: 'people', value: (r.people || []).join(', ') }), 'user names, separated by commas')),
      checkboxes('Only when the change touches', 'departmentsTouched', DEPARTMENTS, c.departmentsTouched || []),
      checkboxes('Only in the regions', 'regions', REGIONS, c.regions || []),
      checkboxes('Tell the departments', 'departments', DEPARTMENTS, r.departments || []),
      checkboxes('Also tell', 'also', ['touchedDepartments', 'accountOwner', 'accountReseller'],
        ['touchedDepartments', 'accountOwner', 'accountReseller'].filter(k => r[k])),
      checkboxes('State', 'enabled', ['ENABLED'], rule && !rule.enabled ? [] : ['ENABLED']),
    ], [h('button', { type: 'submit', class: 'primary' }, 'Save rule'), h('button', { type: 'button', onclick: () => replace(editor) }, 'Close')], async values => {
      const list = text => (text || '').split(',').map(x => x.trim()).filter(Boolean);
      const also = values.also || [];
      const request = {
        name: values.name || '',
        eventType: values.eventType,
        conditions: {
          changedFields: list(values.changedFields),
          departmentsTouched: values.departmentsTouched || [],
          regions: values.regions || [],
          productLines: list(values.productLines),
          minOrderValue: values.minAmount ? { amount: values.minAmount, currency: values.minCurrency || 'USD' } : null,
        },
        recipients: {
          departments: values.departments || [],
          touchedDepartments: also.includes('touchedDepartments'),
          accountOwner: also.includes('accountOwner'),
          accountReseller: also.includes('accountReseller'),
          people: list(values.people),
        },
        enabled: (values.enabled || []).includes('ENABLED'),
      };
      if (rule) await put(`/api/notification-rules/${encodeURIComponent(rule.id)}`, request);
      else await post('/api/notification-rules', request);
      replace(editor);
      await load(`The rule “${request.name}” is saved.`);
    });
    replace(editor, ruleForm);
    ruleForm.querySelector('input[name=name]').focus();
  }

  await guarded(list, 'load the rules', () => load(params.saved));
  replace(dryRun, dryRunForm(() => rules));
}

/** The dry run: an event described by the facts rules look at, and who it would reach. */
function dryRunForm(currentRules) {
  const answer = h('div', { 'aria-live': 'polite' });
  const run = form({ class: 'panel', 'aria-label': 'Dry run' }, [
    h('h2', null, 'Dry run'),
    h('p', { class: 'hint' }, 'Describe an event; the answer says who the rules stored now would tell. Nobody is told.'),
    h('div', { class: 'fields' },
      field('Event', select('type', EVENTS.map(e => [e, words(e)]), { value: 'OrderChanged' })),
      field('Region', select('region', REGIONS.map(r => [r, words(r)]), { value: 'NORTHEAST' })),
      field('Order value', h('input', { type: 'number', name: 'amount', min: '0', step: '0.01', value: '85000' })),
      field('Currency', select('currency', [['USD', 'USD'], ['EUR', 'EUR']], { value: 'USD' })),
      field('Changed fields', h('input', { type: 'text', name: 'changedFields', value: 'requestedDeliveryDate' }), 'separated by commas'),
      field('Product line', h('input', { type: 'text', name: 'productLine', value: 'ORTHODONTIC' }))),
    checkboxes('Departments the change touches', 'departments', DEPARTMENTS, ['PRODUCTION']),
  ], [h('button', { type: 'submit', class: 'primary' }, 'Run')], async values => {
    const name = values.type;
    const source = EVENT_SOURCE[name] || 'order';
    // The event's payload as order-service (or lead-, account-service) would publish it, with made-up ids.
    const data = {
      orderId: 'dry-run-order', accountId: 'dry-run-account', leadId: name === 'LeadAssigned' ? 'dry-run-lead' : null,
      region: values.region,
      total: values.amount ? { amount: values.amount, currency: values.currency || 'USD' } : null,
      changes: (values.changedFields || '').split(',').map(x => x.trim()).filter(Boolean).map(f => ({ field: f, before: null, after: null })),
      departments: values.departments || [],
      lines: values.productLine ? [{ sku: 'DRY-RUN', productLine: values.productLine, quantity: 1 }] : [],
    };
    const reach = await post('/api/notification-rules/dry-run', { type: `chairside.${source}.${name}.v1`, data });
    const byId = new Map(currentRules().map(r => [r.id, r.name]));
    let subscriptions = [];
    if ((reach.webhookSubscriptions || []).length) {
      subscriptions = await get('/api/webhook-subscriptions').catch(() => []);
    }
    const subscription = id => {
      const s = subscriptions.find(x => x.id === id);
      return s ? `${words(s.department)}: ${s.url}` : 'a subscription';
    };
    replace(answer, section(`${words(reach.eventType || name)} would reach`, h('dl', { class: 'facts' },
      h('dt', null, 'Departments'), h('dd', null, (reach.departments || []).map(words).join(', ') || 'none'),
      h('dt', null, 'People'), h('dd', null, (reach.people || []).join(', ') || 'none'),
      h('dt', null, 'By the rules'), h('dd', null, (reach.rules || []).map(id => byId.get(id) || 'a rule').join('; ') || 'none'),
      h('dt', null, 'Webhook subscriptions'), h('dd', null, (reach.webhookSubscriptions || []).map(subscription).join('; ') || 'none'))));
  });
  return h('div', null, run, answer);
}

function conditionsText(c) {
  if (!c) return 'Always';
  const parts = [];
  if ((c.changedFields || []).length) parts.push(`a change of ${c.changedFields.map(words).join(' or ')}`);
  if ((c.departmentsTouched || []).length) parts.push(`touching ${c.departmentsTouched.map(words).join(' or ')}`);
  if (c.departmentsNamed === true) parts.push('the departments touched are named');
  if (c.departmentsNamed === false) parts.push('the departments touched are not named');
  if (c.minOrderValue) parts.push(`an order of at least ${money(c.minOrderValue)}`);
  if ((c.regions || []).length) parts.push(`in ${c.regions.map(words).join(' or ')}`);
  if ((c.productLines || []).length) parts.push(`with ${c.productLines.map(words).join(' or ')}`);
  return parts.length ? parts.join('; ') : 'Always';
}

function recipientsText(r) {
  if (!r) return '—';
  const parts = [];
  if ((r.departments || []).length) parts.push(r.departments.map(words).join(', '));
  if (r.touchedDepartments) parts.push('the departments the change touches');
  if (r.accountOwner) parts.push("the account's owner");
  if (r.accountReseller) parts.push("the reseller's owner");
  if ((r.people || []).length) parts.push(r.people.join(', '));
  return parts.join('; ') || 'nobody';
}
