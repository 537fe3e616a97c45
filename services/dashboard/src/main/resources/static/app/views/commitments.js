// The registry's list with its own filters, sorts and server-side pages; the filters live in the address
// (#/commitments?status=…), so a filtered table can be bookmarked and the overview's bars link into it.
import { h, truncate, languageOf } from '../dom.js';
import { t, number, statusLabel, STATUSES } from '../i18n.js';
import { api, download, query } from '../api.js';
import { communiques, documentLabel } from '../documents.js';
import { navigate } from '../navigation.js';

const FILTERS = ['documentId', 'section', 'topic', 'status', 'agency', 'organisation', 'dueAfter', 'dueBefore', 'q', 'sort'];
const SORTS = ['document', 'due', 'most-overdue', 'updated'];
const PAGE_SIZE = 25;

function daysOverdue(dueDate) {
  return Math.floor((Date.now() - Date.parse(`${dueDate}T23:59:59Z`)) / 86400000);
}

export async function render({ params }) {
  document.title = `${t('commitments.title')} · ${t('brand')}`;
  const filters = Object.fromEntries(FILTERS.map(name => [name, params.get(name) || '']));
  const pageNumber = Math.max(0, Number(params.get('page')) || 0);
  const [result, documents] = await Promise.all([
    api('registry', '/commitments' + query({ ...filters, page: pageNumber, size: PAGE_SIZE, total: true })),
    communiques().catch(() => []),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const go = (changes) => navigate('#/commitments' + query({ ...filters, ...changes }));

  const input = (name, label, type = 'text', extra = {}) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, label),
    h('input', { id: `filter-${name}`, name, type, value: filters[name], ...extra }));
  const form = h('form', { class: 'filters', id: 'filters', 'aria-label': t('filter'), onsubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    go(Object.fromEntries(FILTERS.map(name => [name, (data.get(name) || '').toString().trim()])));
  } },
  documents.length ? h('div', { class: 'field' }, h('label', { for: 'filter-documentId' }, t('document')),
    h('select', { id: 'filter-documentId', name: 'documentId' }, h('option', { value: '' }, t('allDocuments')),
      documents.map(c => h('option', { value: c.id, selected: c.id === filters.documentId }, documentLabel(c)))))
    : h('input', { type: 'hidden', name: 'documentId', value: filters.documentId }),
  input('section', t('section'), 'number', { min: 0, step: 1 }),
  input('topic', t('topic')),
  h('div', { class: 'field' }, h('label', { for: 'filter-status' }, t('status')),
    h('select', { id: 'filter-status', name: 'status' }, h('option', { value: '' }, t('anyStatus')),
      STATUSES.map(st => h('option', { value: st, selected: st === filters.status }, statusLabel(st))))),
  input('agency', t('agency')),
  input('organisation', t('organisation')),
  input('dueAfter', t('dueAfter'), 'date'),
  input('dueBefore', t('dueBefore'), 'date'),
  input('q', t('text'), 'search'),
  h('div', { class: 'field' }, h('label', { for: 'filter-sort' }, t('sort')),
    h('select', { id: 'filter-sort', name: 'sort' }, SORTS.map(sort =>
      h('option', { value: sort, selected: sort === (filters.sort || 'document') }, t(`sort.${sort}`))))),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', id: 'apply-filters' }, t('filter')),
    h('button', { type: 'button', class: 'secondary', onclick: () => navigate('#/commitments') }, t('reset')),
    h('button', { type: 'button', class: 'secondary', id: 'export-csv',
      onclick: () => download('registry', '/commitments/export.csv' + query({ ...filters, sort: undefined }), 'commitments.csv') },
    t('exportCsv'))));

  const rows = result.items.map(c => h('tr', { 'data-commitment-id': c.id },
    h('td', { class: 'number' }, c.facts.section === null || c.facts.section === undefined ? '' : `${c.facts.section}.${c.facts.ordinal}`),
    h('td', {}, h('a', { href: `#/commitment/${encodeURIComponent(c.id)}`, lang: languageOf(c.facts.text) }, truncate(c.facts.text, 160))),
    h('td', {}, h('span', { class: `badge status-${c.status}` }, statusLabel(c.status))),
    h('td', {}, c.dueDate ? h('time', { datetime: c.dueDate }, c.dueDate) : t('none'),
      c.status === 'OVERDUE' && c.dueDate ? h('div', { class: 'overdue-days' }, t('overdueDays', { days: number(daysOverdue(c.dueDate)) })) : null),
    h('td', {}, c.agencies.join(', ') || t('none'))));

  return h('section', { class: 'commitments' },
    h('h1', { tabindex: '-1' }, t('commitments.title')),
    form,
    h('p', { id: 'result-count', role: 'status', 'data-total': result.total }, t('resultCount', { count: number(result.total) })),
    h('div', { class: 'table-scroll' }, h('table', { id: 'commitment-table' },
      h('caption', { class: 'visually-hidden' }, t('commitments.title')),
      h('thead', {}, h('tr', {}, [t('section'), t('commitment'), t('status'), t('due'), t('agencies')]
        .map(label => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, rows))),
    h('nav', { class: 'pager', 'aria-label': t('pageOf', { page: pageNumber + 1, pages }) },
      h('button', { type: 'button', class: 'secondary', id: 'previous-page', disabled: pageNumber === 0,
        onclick: () => go({ page: pageNumber - 1 }) }, t('previous')),
      h('span', { id: 'page-of' }, t('pageOf', { page: number(pageNumber + 1), pages: number(pages) })),
      h('button', { type: 'button', class: 'secondary', id: 'next-page', disabled: pageNumber + 1 >= pages,
        onclick: () => go({ page: pageNumber + 1 }) }, t('next'))));
}
