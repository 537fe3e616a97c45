// What a page shows in place of its content when a call failed: the reason in the reader's language.
import { h } from './dom.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';

export function errorMessage(error) {
  if (error instanceof ApiError && error.status === 401) {
    return h('p', { class: 'error', role: 'alert' }, t('signin.expired'), ' ', h('a', { href: '#/signin' }, t('nav.signin')));
  }
  if (error instanceof ApiError && error.status === 403) {
    return h('p', { class: 'error', role: 'alert' }, t('forbidden', { message: error.message }));
  }
  if (error instanceof ApiError && error.status === 404) {
    return h('p', { class: 'error', role: 'alert' }, t('notFound'));
  }
  return h('p', { class: 'error', role: 'alert' }, t('error', { message: error.message }));
}
