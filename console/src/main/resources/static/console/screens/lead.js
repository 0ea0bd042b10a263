// #/leads/<id>: a lead with its contacts, completeness and BANT score; `Qualify` (the gate's refusal in words),
// `Convert` (lands on the new account, or offers the existing account the API names), adding a contact with a role.
import { get, post } from '../api.js';
import {
  h, replace, heading, section, facts, table, notice, link, words, money, date, dateTime, guarded, errorState,
} from '../ui.js';
import { enumOf } from '../catalogue.js';
import { contactsSection } from '../contacts.js';
import { accountName, forget } from '../records.js';
import { navigate } from '../app.js';

// What the BANT gate's codes ask of the person, in words.
const MISSING = {
  BUDGET_REQUIRED: 'Budget: give the lead an estimated value.',
  DECISION_MAKER_REQUIRED: 'Authority: add a contact whose buying role is decision maker.',
  NEED_REQUIRED: 'Need: choose the products the practice is interested in.',
};

export async function render(main, params, me, screen) {
  await guarded(main, 'open the lead', async () => {
    const id = params.id;
    const [lead, roles] = await Promise.all([get(`/api/leads/${encodeURIComponent(id)}`), enumOf('/api/leads/{id}/contacts', 'post', 'buyingRole')]);
    if (screen && !screen.isCurrent()) return;
    show(main, lead, roles, params);
  });
}

function show(main, lead, roles, params) {
  const id = encodeURIComponent(lead.id);
  const status = h('div', { class: 'lead-status', 'aria-live': 'polite' });
  const actions = [];
  if (lead.status === 'CONVERTED' && lead.accountId) {
    actions.push(h('a', { class: 'button primary', href: `#/accounts/${encodeURIComponent(lead.accountId)}` }, 'Open the account'));
  } else if (lead.status !== 'DISQUALIFIED') {
    if (lead.status !== 'QUALIFIED') actions.push(h('button', { type: 'button', onclick: () => qualify(lead, status, main, roles) }, 'Qualify'));
    actions.push(h('button', { type: 'button', class: 'primary', onclick: () => convert(lead, status, {}) }, 'Convert'));
  }
  replace(main,
    heading(lead.practiceName, ...actions),
    h('p', { class: 'subtitle' }, [words(lead.status), words(lead.specialty), [lead.city, lead.country].filter(Boolean).join(', ')].filter(Boolean).join(' · ')),
    status,
    params.qualified ? notice('The lead is qualified.', 'ok') : null,
    h('div', { class: 'grid' },
      section('Practice', facts([
        ['Status', words(lead.status)], ['Kind', words(lead.kind)], ['Specialty', words(lead.specialty)],
        ['Address', [lead.street, lead.postalCode, lead.city, lead.country].filter(Boolean).join(', ')],
        ['E-mail', lead.email], ['Phone', lead.phone], ['Website', lead.website],
        ['Region', words(lead.region)], ['Owner', lead.owner],
        ['Source', [words(lead.source), lead.conferenceName].filter(Boolean).join(': ')],
        ['Captured', dateTime(lead.capturedAt)],
      ])),
      section('Opportunity', facts([
        ['Product interests', (lead.productInterests || []).map(words).join(', ')],
        ['Estimated value', money(lead.estimatedValue)],
        ['Expected decision', date(lead.expectedDecisionDate)],
        ['Qualification', lead.qualification ? `${lead.qualification.score} of 100` : null],
        ['Completeness', lead.completeness ? `${lead.completeness.score} %${lead.completeness.missing?.length ? ` (missing ${lead.completeness.missing.map(words).join(', ').toLowerCase()})` : ''}` : null],
        ['Notes', lead.notes],
      ]),
      lead.qualification && lead.qualification.reasons?.length
        ? h('ul', { 'aria-label': 'Qualification reasons' }, lead.qualification.reasons.map(r => h('li', null, r))) : null),
    ),
    contacts(lead, roles, main),
    history(lead),
  );
}

function contacts(lead, roles, main) {
  return contactsSection(lead.contacts, roles, async values => {
    await post(`/api/leads/${encodeURIComponent(lead.id)}/contacts`, values);
    forget(lead.id);
    show(main, await get(`/api/leads/${encodeURIComponent(lead.id)}`), roles, {});
  });
}

function history(lead) {
  const holder = h('div', null, h('p', { class: 'state' }, 'Loading the history…'));
  get(`/api/leads/${encodeURIComponent(lead.id)}/history`).then(changes => {
    const rows = (changes || []).slice().reverse().map(c => [dateTime(c.at), words(c.field), c.from ?? '—', c.to ?? '—', c.by || '—']);
    replace(holder, table(['When', 'What', 'From', 'To', 'By'], rows, 'No changes yet.'));
  }, problem => replace(holder, errorState(problem, 'load the history')));
  return section('History', holder);
}

async function qualify(lead, status, main, roles) {
  replace(status);
  try {
    const qualified = await post(`/api/leads/${encodeURIComponent(lead.id)}/qualify`);
    forget(lead.id);
    show(main, qualified, roles, { qualified: true });
  } catch (problem) {
    if (problem.code === 'QUALIFICATION_GATE') {
      const missing = [].concat(problem.missing || []);
      replace(status, h('div', { class: 'notice warn', role: 'alert' },
        h('p', null, h('strong', null, 'The lead cannot be qualified yet.'), problem.score !== undefined ? ` Its score is ${problem.score} of 100.` : ''),
        h('ul', null, missing.map(code => h('li', null, MISSING[code] || words(code)))),
        problem.reasons?.length ? h('details', null, h('summary', null, 'How the score was reached'), h('ul', null, problem.reasons.map(r => h('li', null, r)))) : null));
    } else {
      replace(status, errorState(problem, 'qualify the lead'));
    }
  }
}

/**
 * Converts the lead; choice is {} the first time, then {accountId} or {newAccount: true} when the API found an existing
 * account for the practice and the person chose.
 */
async function convert(lead, status, choice) {
  replace(status);
  try {
    const body = Object.keys(choice).length ? choice : undefined;
    const answer = await post(`/api/leads/${encodeURIComponent(lead.id)}/convert`, body);
    forget(lead.id);
    navigate(`#/accounts/${encodeURIComponent(answer.accountId)}?opening=true`);
  } catch (problem) {
    if (problem.status === 409 && problem.accountId) {
      const name = await accountName(problem.accountId);
      replace(status, h('div', { class: 'notice warn', role: 'alert' },
        h('p', null, 'This practice already has an account: ',
          link(`#/accounts/${encodeURIComponent(problem.accountId)}`, name), '. Convert the lead into it, or open a new one?'),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', onclick: () => convert(lead, status, { accountId: problem.accountId }) }, `Convert into ${name}`),
          h('button', { type: 'button', onclick: () => convert(lead, status, { newAccount: true }) }, 'Create a new account'))));
    } else {
      replace(status, errorState(problem, 'convert the lead'));
    }
  }
}
