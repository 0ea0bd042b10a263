// #/leads/new: capture a lead. The API checks everything; its field errors are shown beside the fields, and a
// 409 DUPLICATE_LEAD as a link to the lead it matches, with the choice to save this one anyway.
import { post } from '../api.js';
import { h, replace, heading, field, select, checkboxes, form, showProblem, link, words } from '../ui.js';
import { enumOf } from '../catalogue.js';
import { leadName } from '../records.js';
import { navigate } from '../app.js';

export async function render(main, params, me) {
  replace(main, heading('New lead'));
  const [specialties, kinds, sources, interests] = await Promise.all([
    enumOf('/api/leads', 'post', 'specialty'), enumOf('/api/leads', 'post', 'kind'),
    enumOf('/api/leads', 'post', 'source'), enumOf('/api/leads', 'post', 'productInterests'),
  ]);
  const text = (name, attrs = {}) => h('input', { type: 'text', name, ...attrs });

  const leadForm = form({ class: 'panel', 'aria-label': 'New lead' }, [
    h('div', { class: 'fields' },
      field('Practice name', text('practiceName', { required: true, autocomplete: 'organization' })),
      field('Specialty', select('specialty', specialties, { empty: 'Choose a specialty', required: true })),
      field('Kind of practice', select('kind', kinds, { empty: 'Not known' })),
      field('Source', select('source', sources, { empty: 'Choose a source', required: true })),
      field('Conference name', text('conferenceName'), 'When the source is a conference'),
      field('Region', text('region', { value: me.region || '' }), me.region ? 'Your region' : 'Left empty, the territory rules decide'),
    ),
    h('h2', null, 'Address and contact'),
    h('div', { class: 'fields' },
      field('Street', text('street', { autocomplete: 'street-address' })),
      field('Postal code', text('postalCode', { autocomplete: 'postal-code' })),
      field('City', text('city', { required: true, autocomplete: 'address-level2' })),
      field('Country', text('country', { required: true, autocomplete: 'country' }), 'Two-letter code, e.g. US or DE'),
      field('E-mail', h('input', { type: 'email', name: 'email', autocomplete: 'email' })),
      field('Phone', h('input', { type: 'tel', name: 'phone', autocomplete: 'tel' })),
      field('Website', h('input', { type: 'url', name: 'website' })),
    ),
    h('h2', null, 'Opportunity'),
    checkboxes('Product interests', 'productInterests', interests),
    h('div', { class: 'fields' },
      field('Estimated value', h('input', { type: 'number', name: 'estimatedValue.amount', min: '0', step: '0.01', inputmode: 'decimal' })),
      field('Currency', select('estimatedValue.currency', ['USD', 'EUR'].map(c => [c, c]), { value: 'USD' })),
      field('Expected decision date', h('input', { type: 'date', name: 'expectedDecisionDate' })),
    ),
    field('Notes', h('textarea', { name: 'notes', rows: 3 })),
  ], [
    h('button', { type: 'submit', class: 'primary' }, 'Save'),
    h('a', { href: '#/leads' }, 'Back to the leads'),
  ], async (values, el, submitter) => {
    const body = { ...values };
    if (!body.estimatedValue || !body.estimatedValue.amount) delete body.estimatedValue;
    if (!body.productInterests || !body.productInterests.length) delete body.productInterests;
    const allowDuplicate = submitter && submitter.dataset.allowDuplicate === 'true';
    try {
      const lead = await post('/api/leads', body, allowDuplicate ? { allowDuplicate: true } : null);
      navigate(`#/leads/${encodeURIComponent(lead.id)}`);
    } catch (problem) {
      if (problem && problem.code === 'DUPLICATE_LEAD' && problem.existingId) {
        await showDuplicate(el, problem);
        return;
      }
      throw problem;
    }
  });
  main.append(leadForm);
  leadForm.querySelector('input[name=practiceName]').focus();
}

/** The lead this one matches, named by its practice, and a button that saves this one anyway. */
async function showDuplicate(el, problem) {
  const summary = showProblem(el, { ...problem, errors: [] });
  const name = await leadName(problem.existingId);
  const matched = [].concat(problem.matchedOn || []).map(m => words(String(m).toUpperCase()).toLowerCase()).join(', ');
  replace(summary,
    h('p', null, 'This practice may already be a lead: ',
      link(`#/leads/${encodeURIComponent(problem.existingId)}`, name),
      matched ? ` (same ${matched}).` : '.'),
    h('p', null, 'Open that lead, or keep both:'),
    h('button', { type: 'submit', dataset: { allowDuplicate: 'true' } }, 'Save anyway'));
}
