import { h } from '../dom.js';
import { t } from '../i18n.js';
import { caller, signIn } from '../session.js';
import { navigate } from '../navigation.js';
import { configuration, startSignIn, signInProblem } from '../oidc.js';

export async function render() {
  document.title = `${t('signin.title')} · ${t('brand')}`;
  const message = h('p', { id: 'signin-message', role: 'status' });
  if (signInProblem()) {
    message.textContent = t('signin.failed', { reason: signInProblem() });
    message.className = 'error';
  }
  const who = caller();
  if (who) {
    message.textContent = t('signin.current', { subject: who.subject, roles: who.roles.join(', '),
      agency: who.agencyId || t('none'), expires: who.expiresAt ? who.expiresAt.toLocaleString() : t('none') });
  }
  const field = h('textarea', { id: 'token', name: 'token', rows: 5, required: true, autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'token-help' });
  const form = h('form', { class: 'signin', onsubmit: event => {
    event.preventDefault();
    try {
      signIn(field.value);
      navigate('#/');
    } catch {
      message.textContent = t('signin.invalid');
      message.className = 'error';
    }
  } },
  h('label', { for: 'token' }, t('signin.token')), field,
  h('p', { id: 'token-help', class: 'help' }, t('signin.help')),
  h('button', { type: 'submit', id: 'signin-submit' }, t('signin.submit')));
  const provider = await configuration().catch(() => null);
  if (!provider) return h('section', {}, h('h1', { tabindex: '-1' }, t('signin.title')), message, form);
  // The provider's sign-in first; the pasted token stays for API users, folded away.
  const button = h('button', { type: 'button', id: 'signin-provider', onclick: () => startSignIn('#/') }, t('signin.provider'));
  return h('section', {}, h('h1', { tabindex: '-1' }, t('signin.title')), message,
    h('p', {}, button), h('details', { id: 'signin-advanced' }, h('summary', {}, t('signin.advanced')), form));
}
