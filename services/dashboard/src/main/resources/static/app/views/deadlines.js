// Milestones from the registry's commitments (each future time expression is a milestone; a commitment with
// only a corrected due date has that one), grouped by month. Overdue: passed while the commitment is still
// open; due soon: within 30 days; past: passed and the commitment closed.
import { h } from '../dom.js';
import { t, number, statusLabel } from '../i18n.js';
import { allCommitments, query } from '../api.js';
import { communiques, documentPicker } from '../documents.js';
import { navigate } from '../navigation.js';
import { truncate } from '../dom.js';

const CLOSED = new Set(['COMPLETED', 'CANCELLED', 'SUPERSEDED', 'WITHDRAWN']);
const CATEGORIES = ['overdue', 'soon', 'past', 'upcoming'];

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

export function categorise(milestoneDate, status, today) {
  const soonLimit = new Date(`${today}T00:00:00Z`);
  soonLimit.setUTCDate(soonLimit.getUTCDate() + 30);
  if (milestoneDate < today) return CLOSED.has(status) ? 'past' : 'overdue';
  if (milestoneDate <= isoDay(soonLimit)) return 'soon';
  return 'upcoming';
}

export async function render({ params }) {
  document.title = `${t('deadlines.title')} · ${t('brand')}`;
  const documentId = params.get('documentId') || '';
  const [commitments, documents] = await Promise.all([
    allCommitments({ documentId, dueAfter: '0001-01-01', sort: 'due' }),
    communiques().catch(() => []),
  ]);
  const today = isoDay(new Date());
  const milestones = [];
  for (const c of commitments) {
    const list = c.milestones && c.milestones.length ? c.milestones : (c.dueDate ? [{ text: c.dueDate, dueDate: c.dueDate }] : []);
    for (const m of list) milestones.push({ commitment: c, text: m.text, date: m.dueDate, category: categorise(m.dueDate, c.status, today) });
  }
  milestones.sort((a, b) => a.date.localeCompare(b.date) || a.commitment.id.localeCompare(b.commitment.id));

  const counts = Object.fromEntries(CATEGORIES.map(c => [c, milestones.filter(m => m.category === c).length]));
  const byMonth = new Map();
  for (const m of milestones) {
    const month = m.date.slice(0, 7);
    if (!byMonth.has(month)) byMonth.set(month, []);
    byMonth.get(month).push(m);
  }
  const picker = documentPicker(documents, documentId, id => navigate('#/deadlines' + query({ documentId: id })));
  return h('section', { class: 'deadlines' },
    h('h1', { tabindex: '-1' }, t('deadlines.title')),
    h('div', { class: 'toolbar' }, picker),
    h('ul', { class: 'deadline-counts' }, CATEGORIES.map(c =>
      h('li', { class: `deadline-${c}`, id: `count-${c}`, 'data-count': counts[c] }, h('strong', {}, number(counts[c])), ' ', t(`deadlines.${c}`)))),
    milestones.length === 0 ? h('p', {}, t('deadlines.none')) : [
      calendar(byMonth),
      h('ol', { class: 'timeline', id: 'timeline' }, [...byMonth.entries()].map(([month, items]) =>
        h('li', { class: 'month', id: `month-${month}` },
          h('h2', {}, h('time', { datetime: month }, month), ' ', h('span', { class: 'muted' }, `(${number(items.length)})`)),
          h('ul', {}, items.map(m => h('li', { class: `milestone deadline-${m.category}`, 'data-date': m.date,
            'data-commitment-id': m.commitment.id, 'data-category': m.category },
          h('time', { datetime: m.date }, m.date), ' ',
          h('span', { class: 'badge' }, t(`deadlines.${m.category}`)), ' ',
          h('a', { href: `#/commitment/${encodeURIComponent(m.commitment.id)}` }, truncate(m.commitment.facts.text, 120)), ' ',
          h('span', { class: 'muted' }, `${t('milestone')}: `, h('span', { lang: 'und' }, m.text), ` · ${statusLabel(m.commitment.status)}`)))))))],
  );
}

/** One row per year, one cell per month: how many milestones fall there, the most urgent category marked. */
function calendar(byMonth) {
  const years = [...new Set([...byMonth.keys()].map(m => m.slice(0, 4)))].sort();
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  return h('table', { class: 'calendar', 'aria-label': t('deadlines.calendar') },
    h('caption', {}, t('deadlines.calendar')),
    h('thead', {}, h('tr', {}, h('td', {}), months.map(m => h('th', { scope: 'col' }, m)))),
    h('tbody', {}, years.map(year => h('tr', {}, h('th', { scope: 'row' }, year), months.map(month => {
      const items = byMonth.get(`${year}-${month}`) || [];
      if (items.length === 0) return h('td', {});
      const worst = CATEGORIES.find(c => items.some(m => m.category === c));
      return h('td', { class: `calendar-${worst}` }, h('a', { href: `#month-${year}-${month}`,
        onclick: event => { event.preventDefault(); document.getElementById(`month-${year}-${month}`).scrollIntoView(); },
        title: `${year}-${month}: ${items.length}` }, number(items.length)));
    })))));
}
