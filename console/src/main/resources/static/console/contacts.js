// A record's contacts and the form that adds one with its buying role: the same for a lead and for an account.
import { h, section, table, field, select, form, words } from './ui.js';

/** The contacts table and an `Add contact` form; add(values) posts the contact and shows the record again. */
export function contactsSection(contacts, roles, add) {
  const rows = (contacts || []).map(c => [c.name, c.title || '—', words(c.buyingRole), c.email || '—', c.phone || '—']);
  const addForm = form({ 'aria-label': 'Add a contact' }, h('div', { class: 'fields' },
    field('Name', h('input', { type: 'text', name: 'name', required: true })),
    field('Title', h('input', { type: 'text', name: 'title' })),
    field('Buying role', select('buyingRole', roles, { empty: 'Choose a role', required: true })),
    field('Contact e-mail', h('input', { type: 'email', name: 'email' })),
    field('Contact phone', h('input', { type: 'tel', name: 'phone' })),
  ), [h('button', { type: 'submit' }, 'Add contact')], add);
  return section('Contacts', table(['Name', 'Title', 'Buying role', 'E-mail', 'Phone'], rows, 'No contacts yet.'), h('h3', null, 'Add a contact'), addForm);
}
