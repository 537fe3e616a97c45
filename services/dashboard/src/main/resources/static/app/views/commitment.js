// One commitment: the text as written, its facts, milestones, its lineage (the pledges of earlier and later
// communiqués it is linked to) and status history with evidence. An agency assigned to it reports progress here (the registry's progress API, same rules); an operator assigns agencies.
import { h, safeUrl, languageOf } from '../dom.js';
import { t, number, statusLabel } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { caller, hasRole } from '../session.js';
import { navigate } from '../navigation.js';
import { errorMessage } from '../errors.js';

const REPORTABLE = ['IN_PROGRESS', 'STALLED', 'COMPLETED'];

function list(values) {
  return values && values.length ? values.join(', ') : t('none');
}

function evidenceLinks(urls) {
  if (!urls || urls.length === 0) return t('none');
  return h('ul', { class: 'evidence' }, urls.map(url => {
    const safe = safeUrl(url);
    return h('li', {}, safe ? h('a', { href: safe, rel: 'noopener noreferrer', target: '_blank' }, url) : url);
  }));
}

export async function render({ id }) {
  // Asked alongside the commitment; its failure is shown in its own section, not in place of the page.
  const linked = api('registry', `/commitments/${encodeURIComponent(id)}/lineage`).then(value => ({ value }), error => ({ error }));
  const c = await api('registry', `/commitments/${encodeURIComponent(id)}`);
  const f = c.facts;
  const label = f.section === null || f.section === undefined ? `#${f.ordinal}` : `${f.section}.${f.ordinal}`;
  document.title = `${t('commitment.title', { label })} · ${t('brand')}`;
  const facts = [
    [t('status'), h('span', { id: 'commitment-status', class: `badge status-${c.status}`, 'data-status': c.status }, statusLabel(c.status),
      c.completedLate ? ` (${t('completedLate')})` : '')],
    [t('percentComplete'), c.percentComplete === null || c.percentComplete === undefined ? t('none')
      : h('span', { id: 'percent-complete' }, `${number(c.percentComplete)} %`)],
    [t('compliance'), c.complianceScore === null || c.complianceScore === undefined ? t('notAssessed') : number(c.complianceScore)],
    [t('due'), c.dueDate ? h('time', { datetime: c.dueDate }, c.dueDate) : t('none')],
    [t('milestones'), c.milestones.length ? h('ul', {}, c.milestones.map(m => h('li', {}, h('time', { datetime: m.dueDate }, m.dueDate), ' — ', m.text))) : t('none')],
    [t('kind'), t(`kind.${f.kind}`)],
    [t('parties'), list(f.parties)],
    [t('instruments'), f.instruments.length ? h('ul', {}, f.instruments.map(i => h('li', { lang: languageOf(i) }, i))) : t('none')],
    [t('organisations'), list(f.organisations)],
    [t('topics'), list(f.topics)],
    [t('agencies'), h('span', { id: 'assigned-agencies' }, list(c.agencies))],
    [t('evidence'), evidenceLinks(c.evidenceUrls)],
    [t('document'), f.documentId ? h('a', { href: `#/communique/${encodeURIComponent(f.documentId)}?focus=${encodeURIComponent(c.id)}` },
      f.documentTitle || f.documentId, f.documentDate ? ` (${f.documentDate})` : '', ' — ', t('openSource')) : t('none')],
  ];
  const page = h('article', { class: 'commitment', 'data-commitment-id': c.id },
    h('h1', { tabindex: '-1' }, t('commitment.title', { label })),
    h('blockquote', { class: 'commitment-text', lang: languageOf(f.text), id: 'commitment-text' }, f.text),
    h('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    lineage(c, await linked),
    history(c.history || []));
  const who = caller();
  if (hasRole('agency') && who.agencyId && c.agencies.includes(who.agencyId)) page.append(progressForm(c, who.agencyId));
  if (hasRole('operator')) page.append(await assignmentForm(c));
  return page;
}

/**
 * The linked pledges as a timeline, oldest communiqué first, with this one between the earlier and the later.
 * A relation says how the later of two stands to the earlier: read from here, "this pledge renews it" for an
 * earlier one, "renews this pledge" for a later one.
 */
function lineage(c, { value, error }) {
  const title = h('h2', { id: 'lineage-title' }, t('lineage.title'));
  const section = h('section', { class: 'lineage', id: 'lineage', 'aria-labelledby': 'lineage-title' }, title);
  if (error) {
    section.append(errorMessage(error));
    return section;
  }
  if (value.earlier.length === 0 && value.later.length === 0) {
    section.append(h('p', { id: 'lineage-none' }, t('lineage.none')));
    return section;
  }
  const item = (link, direction) => h('li', { class: `lineage-item lineage-${direction}`, 'data-commitment-id': link.commitmentId,
    'data-direction': direction, 'data-relation': link.relation, 'data-status': link.status },
  link.documentDate ? h('time', { datetime: link.documentDate }, link.documentDate) : h('span', { class: 'undated' }, t('lineage.undated')),
  ' ', h('a', { href: `#/commitment/${encodeURIComponent(link.commitmentId)}` }, t('lineage.pledgeOf', { document: link.documentId })),
  ' — ', h('span', { class: 'relation' }, t(`lineage.${direction}`, { relation: t(`relation.${link.relation}`) })),
  ' ', h('span', { class: `badge status-${link.status}` }, statusLabel(link.status)),
  ' ', h('span', { class: 'similarity' }, t('lineage.similarity', { value: number(link.similarity, 2) })));
  const f = c.facts;
  const self = h('li', { class: 'lineage-item lineage-self', 'aria-current': 'true' },
    f.documentDate ? h('time', { datetime: f.documentDate }, f.documentDate) : h('span', { class: 'undated' }, t('lineage.undated')),
    ' ', h('strong', {}, t('lineage.this')), ' ', h('span', { class: `badge status-${c.status}` }, statusLabel(c.status)));
  section.append(h('ol', { class: 'timeline', id: 'lineage-timeline' },
    value.earlier.map(link => item(link, 'earlier')), self, value.later.map(link => item(link, 'later'))));
  return section;
}

function history(entries) {
  return h('section', { class: 'history', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t('history')),
    h('div', { class: 'table-scroll' }, h('table', { id: 'history' },
      h('thead', {}, h('tr', {}, [t('when'), t('what'), t('status'), t('actor'), t('percentComplete'), t('cause'), t('evidence')]
        .map(l => h('th', { scope: 'col' }, l)))),
      h('tbody', {}, [...entries].reverse().map(e => h('tr', {},
        h('td', {}, h('time', { datetime: e.at }, new Date(e.at).toLocaleString())),
        h('td', {}, e.kind),
        h('td', {}, e.from && e.to ? `${statusLabel(e.from)} → ${statusLabel(e.to)}` : e.status ? statusLabel(e.status) : ''),
        h('td', {}, e.actor || ''),
        h('td', { class: 'number' }, e.percentComplete === null || e.percentComplete === undefined ? '' : `${e.percentComplete} %`),
        h('td', { lang: e.cause ? languageOf(e.cause) : null }, e.cause || ''),
        h('td', {}, e.evidenceUrls.length ? evidenceLinks(e.evidenceUrls) : '')))))));
}

function progressForm(c, agencyId) {
  const message = h('p', { id: 'progress-message', role: 'status' });
  const form = h('form', { class: 'panel', id: 'progress-form', 'aria-labelledby': 'progress-title', onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(event.target);
    const percent = data.get('percentComplete');
    const report = {
      eventId: crypto.randomUUID(), agencyId, note: data.get('note'), occurredAt: new Date().toISOString(),
      evidenceUrls: data.get('evidenceUrls').split('\n').map(u => u.trim()).filter(Boolean),
    };
    if (data.get('status')) report.status = data.get('status');
    if (percent !== '') report.percentComplete = Number(percent);
    try {
      const result = await api('registry', `/commitments/${encodeURIComponent(c.id)}/progress`, { method: 'POST', body: report });
      message.textContent = t('progress.done', { status: statusLabel(result.status) });
      navigate(`#/commitment/${encodeURIComponent(c.id)}`);
    } catch (error) {
      message.replaceChildren(error instanceof ApiError ? errorMessage(error) : String(error));
    }
  } },
  h('h2', { id: 'progress-title' }, t('progress.title')),
  h('div', { class: 'field' }, h('label', { for: 'progress-status' }, t('status')),
    h('select', { id: 'progress-status', name: 'status' }, h('option', { value: '' }, t('progress.keepStatus')),
      REPORTABLE.map(st => h('option', { value: st }, statusLabel(st))))),
  h('div', { class: 'field' }, h('label', { for: 'progress-percent' }, t('progress.percent')),
    h('input', { id: 'progress-percent', name: 'percentComplete', type: 'number', min: 0, max: 100, step: 1 })),
  h('div', { class: 'field wide' }, h('label', { for: 'progress-note' }, t('progress.note')),
    h('textarea', { id: 'progress-note', name: 'note', rows: 3, required: true, maxlength: 2000 })),
  h('div', { class: 'field wide' }, h('label', { for: 'progress-evidence' }, t('progress.evidence')),
    h('textarea', { id: 'progress-evidence', name: 'evidenceUrls', rows: 2 })),
  h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'progress-submit' }, t('progress.submit'))),
  message);
  return form;
}

async function assignmentForm(c) {
  const agencies = await api('registry', '/agencies');
  const message = h('p', { id: 'assign-message', role: 'status' });
  const form = h('form', { class: 'panel', id: 'assign-form', onsubmit: async event => {
    event.preventDefault();
    const chosen = new FormData(event.target).getAll('agency');
    try {
      await api('registry', `/commitments/${encodeURIComponent(c.id)}/agencies`, { method: 'PUT', body: chosen });
      message.textContent = t('assign.done');
      navigate(`#/commitment/${encodeURIComponent(c.id)}`);
    } catch (error) {
      message.replaceChildren(errorMessage(error));
    }
  } },
  h('fieldset', {}, h('legend', {}, t('assign.title')),
    agencies.length === 0 ? h('p', {}, t('assign.noAgencies')) : agencies.map(a => h('div', { class: 'check' },
      h('input', { type: 'checkbox', name: 'agency', value: a.id, id: `agency-${a.id}`, checked: c.agencies.includes(a.id) }),
      h('label', { for: `agency-${a.id}` }, `${a.id} — ${a.name || ''}`)))),
  h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'assign-submit', disabled: agencies.length === 0 }, t('assign.submit'))),
  message);
  return form;
}
