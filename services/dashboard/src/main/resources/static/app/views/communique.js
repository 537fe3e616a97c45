// The communiqué as received, each extracted commitment marked in place and linked to its registry page, so
// a reader can check the extraction against the original.
import { h, truncate } from '../dom.js';
import { t, number, statusLabel } from '../i18n.js';
import { api, allCommitments } from '../api.js';
import { readsCommitments } from '../session.js';
import { locate } from '../highlight.js';

export async function render({ id, params }) {
  const path = encodeURIComponent(id);
  const [communique, analysis, registered] = await Promise.all([
    api('ingestion', `/communiques/${path}`),
    api('extraction', `/analyses/${path}`),
    readsCommitments() ? allCommitments({ documentId: id }).catch(() => []) : Promise.resolve([]),
  ]);
  // A plain-text upload has no title, date or language at ingestion: the analysis found them in the text.
  const found = analysis.document || {};
  const title = communique.title || found.title || t('communique.title');
  const language = communique.language || found.language;
  document.title = `${title} · ${t('brand')}`;
  const statusById = new Map(registered.map(c => [c.id, c.status]));
  // A pledge that renews earlier ones (the registry's lineage facts) is marked as renewed.
  const renewalsById = new Map(registered.filter(c => c.lineage && c.lineage.renewals > 0).map(c => [c.id, c.lineage]));
  // The engine's kinds are BULLET/NARRATIVE in the analysis, bullet/narrative in the registry.
  const extracted = analysis.commitments.map(c => ({ ...c, kind: String(c.kind).toLowerCase() }));
  const { spans, missing } = locate(communique.text || '', extracted);
  const source = h('div', { class: 'source-text', id: 'source-text', lang: language || null });
  let position = 0;
  for (const span of spans) {
    source.append(communique.text.slice(position, span.start));
    const c = span.commitment;
    const status = statusById.get(c.id);
    const renewed = renewalsById.get(c.id);
    const label = `${c.section ?? ''}.${c.ordinal} · ${t(`kind.${c.kind}`)}${status ? ` · ${statusLabel(status)}` : ''}`
      + (renewed ? ` · ${t('communique.renewed', { count: number(renewed.renewals), first: renewed.firstPledged || t('lineage.undated') })}` : '');
    source.append(h('a', { href: `#/commitment/${encodeURIComponent(c.id)}`, id: `mark-${c.id}`,
      class: `commitment-mark kind-${c.kind}${status ? ` status-${status}` : ''}${renewed ? ' renewed' : ''}`,
      'data-commitment-id': c.id, 'data-kind': c.kind, 'data-renewals': renewed ? renewed.renewals : 0,
      title: label, 'aria-label': `${label}: ${truncate(c.text, 80)}` },
    communique.text.slice(span.start, span.end)));
    position = span.end;
  }
  source.append((communique.text || '').slice(position));

  const page = h('article', { class: 'communique' },
    h('h1', { tabindex: '-1', lang: language || null }, title),
    h('p', { class: 'muted' }, `${t('published')}: ${communique.publishedOn || found.date || t('none')} · ${t('language')}: ${language || t('none')}`),
    h('p', { id: 'marked-count', role: 'status', 'data-marked': spans.length, 'data-total': analysis.commitments.length },
      t('communique.marked', { marked: number(spans.length), total: number(analysis.commitments.length) })),
    h('ul', { class: 'legend' },
      h('li', {}, h('span', { class: 'swatch kind-bullet', 'aria-hidden': 'true' }), t('kind.bullet')),
      h('li', {}, h('span', { class: 'swatch kind-narrative', 'aria-hidden': 'true' }), t('kind.narrative')),
      h('li', {}, h('span', { class: 'swatch renewed', 'aria-hidden': 'true' }), t('communique.renewedLegend'))),
    missing.length ? h('section', { class: 'unmarked' }, h('h2', {}, t('communique.unmarked')),
      h('ul', {}, missing.map(c => h('li', {}, h('a', { href: `#/commitment/${encodeURIComponent(c.id)}` }, truncate(c.text, 160)))))) : null,
    source);
  const focus = params.get('focus');
  if (focus) {
    document.addEventListener('view-rendered', () => {
      const mark = document.getElementById(`mark-${focus}`);
      if (mark) {
        mark.classList.add('focused');
        mark.scrollIntoView({ block: 'center' });
        mark.focus({ preventScroll: true });
      }
    }, { once: true });
  }
  return page;
}
