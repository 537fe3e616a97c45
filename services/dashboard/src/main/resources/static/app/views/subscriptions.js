// A subscriber's own subscriptions (the notification service scopes them to the token's subject) and its
// delivery log.
import { h, truncate } from '../dom.js';
import { t, number, statusLabel, STATUSES } from '../i18n.js';
import { api } from '../api.js';
import { hasRole } from '../session.js';
import { navigate } from '../navigation.js';
import { errorMessage } from '../errors.js';

const STATES = ['delivered', 'pending', 'sending', 'dead'];
// The notification service's event kinds; a subscription naming none gets every kind but the renewed pledges,
// which only subscriptions that ask for them get.
const EVENT_KINDS = ['status.changed', 'deadline.approaching', 'deadline.missed', 'renewed.without-progress'];
let createdSecret = null;

export async function render({ params }) {
  document.title = `${t('subscriptions.title')} · ${t('brand')}`;
  if (!hasRole('subscriber')) {
    return h('section', {}, h('h1', { tabindex: '-1' }, t('subscriptions.title')), h('p', {}, t('subscriptions.only')));
  }
  const state = STATES.includes(params.get('state')) ? params.get('state') : 'delivered';
  const [subscriptions, deliveries] = await Promise.all([
    api('notification', '/subscriptions'),
    api('notification', `/deliveries?state=${state}&limit=100`),
  ]);
  const message = h('div', { id: 'subscription-message', role: 'status' },
    createdSecret ? h('p', { class: 'secret', id: 'created-secret' }, t('secretOnce', { secret: createdSecret })) : null);
  createdSecret = null;
  const reload = () => navigate(`#/subscriptions?state=${state}`);
  const act = async (action) => {
    try {
      await action();
      reload();
    } catch (error) {
      message.replaceChildren(errorMessage(error));
    }
  };
  return h('section', { class: 'subscriptions' },
    h('h1', { tabindex: '-1' }, t('subscriptions.title')),
    message,
    subscriptions.length === 0 ? h('p', {}, t('subscriptions.none')) : h('div', { class: 'table-scroll' }, h('table', { id: 'subscription-table' },
      h('thead', {}, h('tr', {}, [t('name'), t('filter'), t('webhookUrl'), t('state'), ''].map(l => h('th', { scope: 'col' }, l)))),
      h('tbody', {}, subscriptions.map(sub => h('tr', { 'data-subscription-id': sub.id },
        h('td', {}, sub.name),
        h('td', {}, describe(sub)),
        h('td', {}, sub.webhookUrl || t('none')),
        h('td', {}, sub.enabled ? t('enabled') : `${t('disabled')}${sub.disabledReason ? ` (${sub.disabledReason})` : ''}`),
        h('td', { class: 'row-actions' },
          h('button', { type: 'button', class: 'secondary', onclick: () => act(() => api('notification',
            `/subscriptions/${encodeURIComponent(sub.id)}`, { method: 'PATCH', body: { enabled: !sub.enabled } })) },
          sub.enabled ? t('disable') : t('enable')),
          h('button', { type: 'button', class: 'secondary', 'aria-label': `${t('remove')} ${sub.name}`, onclick: () => {
            if (confirm(t('confirmRemove', { name: sub.name }))) {
              act(() => api('notification', `/subscriptions/${encodeURIComponent(sub.id)}`, { method: 'DELETE' }));
            }
          } }, t('remove')))))))),
    createForm(message),
    deliveryLog(state, deliveries, act));
}

function describe(sub) {
  const parts = [];
  if (sub.documentIds?.length) parts.push(`${t('document')}: ${sub.documentIds.join(', ')}`);
  if (sub.sections?.length) parts.push(`${t('section')}: ${sub.sections.join(', ')}`);
  if (sub.statuses?.length) parts.push(`${t('status')}: ${sub.statuses.map(statusLabel).join(', ')}`);
  if (sub.keyword) parts.push(`${t('keyword')}: ${sub.keyword}`);
  if (sub.events?.length) parts.push(`${t('events')}: ${sub.events.map(e => t(`event.${e.kind}`)).join(', ')}`);
  return parts.join(' · ') || t('none');
}

function createForm(message) {
  return h('form', { class: 'panel', id: 'subscription-form', onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(event.target);
    const body = { name: data.get('name') };
    if (data.get('webhookUrl')) body.webhookUrl = data.get('webhookUrl');
    if (data.get('keyword')) body.keyword = data.get('keyword');
    const sections = data.get('sections').split(',').map(v => v.trim()).filter(Boolean).map(Number);
    if (sections.length) body.sections = sections;
    const statuses = data.getAll('statuses');
    if (statuses.length) body.statuses = statuses;
    const events = data.getAll('events');
    if (events.length) body.events = events.map(kind => ({ kind }));
    try {
      const created = await api('notification', '/subscriptions', { method: 'POST', body });
      // The signing secret is shown once, in the answer to the creation: kept in memory for the next page only.
      createdSecret = created.secret || t('none');
      navigate('#/subscriptions');
    } catch (error) {
      message.replaceChildren(errorMessage(error));
    }
  } },
  h('h2', {}, t('create')),
  h('div', { class: 'field' }, h('label', { for: 'subscription-name' }, t('name')),
    h('input', { id: 'subscription-name', name: 'name', required: true, maxlength: 200 })),
  h('div', { class: 'field wide' }, h('label', { for: 'subscription-webhook' }, t('webhookUrl')),
    h('input', { id: 'subscription-webhook', name: 'webhookUrl', type: 'url', placeholder: 'https://' })),
  h('div', { class: 'field' }, h('label', { for: 'subscription-keyword' }, t('keyword')),
    h('input', { id: 'subscription-keyword', name: 'keyword' })),
  h('div', { class: 'field' }, h('label', { for: 'subscription-sections' }, t('sections')),
    h('input', { id: 'subscription-sections', name: 'sections', inputmode: 'numeric', pattern: '[0-9, ]*' })),
  h('fieldset', { class: 'wide' }, h('legend', {}, t('statuses')), STATUSES.map(st => h('span', { class: 'check' },
    h('input', { type: 'checkbox', name: 'statuses', value: st, id: `subscription-status-${st}` }),
    h('label', { for: `subscription-status-${st}` }, statusLabel(st))))),
  h('fieldset', { class: 'wide' }, h('legend', {}, t('events')), h('p', { class: 'help' }, t('events.hint')),
    EVENT_KINDS.map(kind => {
      const id = `subscription-event-${kind.replaceAll('.', '-')}`;
      return h('span', { class: 'check' }, h('input', { type: 'checkbox', name: 'events', value: kind, id }),
        h('label', { for: id }, t(`event.${kind}`)));
    })),
  h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'subscription-submit' }, t('create'))));
}

function deliveryLog(state, deliveries, act) {
  return h('section', { class: 'deliveries', 'aria-labelledby': 'deliveries-title' },
    h('h2', { id: 'deliveries-title' }, t('deliveries')),
    h('div', { class: 'field' }, h('label', { for: 'delivery-state' }, t('state')),
      h('select', { id: 'delivery-state', onchange: event => navigate(`#/subscriptions?state=${event.target.value}`) },
        STATES.map(st => h('option', { value: st, selected: st === state }, t(`state.${st}`))))),
    deliveries.length === 0 ? h('p', { id: 'deliveries-empty' }, t('deliveries.none')) : h('div', { class: 'table-scroll' },
      h('table', { id: 'delivery-table' },
        h('thead', {}, h('tr', {}, [t('created'), t('type'), t('commitment'), t('attempts'), t('lastError'), ''].map(l => h('th', { scope: 'col' }, l)))),
        h('tbody', {}, deliveries.map(d => h('tr', { 'data-delivery-id': d.id },
          h('td', {}, h('time', { datetime: d.createdAt }, new Date(d.createdAt).toLocaleString())),
          h('td', {}, d.type),
          h('td', {}, d.commitmentId ? h('a', { href: `#/commitment/${encodeURIComponent(d.commitmentId)}` }, d.commitmentId) : t('none')),
          h('td', { class: 'number' }, number(d.attemptCount),
            d.attempts.length ? ` (HTTP ${d.attempts[d.attempts.length - 1].status})` : ''),
          h('td', {}, d.lastError ? truncate(d.lastError, 120) : ''),
          h('td', {}, d.state === 'DEAD' ? h('button', { type: 'button', class: 'secondary',
            onclick: () => act(() => api('notification', `/deliveries/${encodeURIComponent(d.id)}/replay`, { method: 'POST' })) }, t('replay')) : '')))))));
}
