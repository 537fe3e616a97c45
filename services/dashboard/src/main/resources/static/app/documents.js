// The communiqués to choose from (ingestion's list). Agency and subscriber tokens may not list communiqués:
// then there is no picker and views show every commitment the token may see.
import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { readsCommuniques } from './session.js';

export async function communiques() {
  if (!readsCommuniques()) return [];
  const page = await api('ingestion', '/communiques?size=100');
  return page.items.filter(c => c.status !== 'WITHDRAWN');
}

export function documentLabel(communique) {
  return `${communique.title || communique.id}${communique.publishedOn ? ` (${communique.publishedOn})` : ''}`;
}

/** A labelled select of communiqués, "all documents" first; onChange gets the chosen id ('' for all). */
export function documentPicker(list, selected, onChange, id = 'document') {
  if (list.length === 0) return null;
  return h('div', { class: 'field' },
    h('label', { for: id }, t('document')),
    h('select', { id, name: 'documentId', onchange: event => onChange(event.target.value) },
      h('option', { value: '' }, t('allDocuments')),
      list.map(c => h('option', { value: c.id, selected: c.id === selected }, documentLabel(c)))));
}
