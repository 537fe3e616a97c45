// Sign-in with the configured OpenID Connect provider: authorization code + PKCE. The code verifier and state sit in
// sessionStorage only for the redirect round trip; the tokens live in this module's memory, never in storage. A
// public client gets no refresh token, so shortly before the access token expires the page goes through the
// provider again: its session answers at once, without a prompt, and what was typed into a form and not sent yet is
// put back (drafts.js).
import { keepDrafts } from './drafts.js';

const PENDING = 'tracker.dashboard.oidc.pending';
const ACTIVE = 'tracker.dashboard.oidc.active';
const RENEW_BEFORE_MS = 60_000;

let settings = null;
let metadata = null;
let tokens = null;
let renewal = null;
let problem = null;

async function json(url, init) {
  const response = await fetch(url, { cache: 'no-store', credentials: 'omit', ...init });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The provider and client the dashboard is configured with, or null when it offers only the pasted token. */
export async function configuration() {
  if (!settings) {
    const body = await json('/sign-in.json');
    settings = body.issuer ? body : { issuer: null };
  }
  return settings.issuer ? settings : null;
}

async function discovery() {
  if (!metadata) metadata = await json(`${settings.issuer}/.well-known/openid-configuration`);
  return metadata;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${location.origin}/`;
}

/** Leaves for the provider's sign-in; the page comes back to {@code returnTo} (a #/ route). */
export async function startSignIn(returnTo = location.hash) {
  const config = await configuration();
  const provider = await discovery();
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: returnTo || '#/' }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({ response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(),
    scope: 'openid profile', state, code_challenge: challenge, code_challenge_method: 'S256' }).toString();
  location.assign(url.toString());
}

/**
 * On load: finishes a sign-in the provider sent the page back from (?code=…&state=…), or resumes one that was active
 * before a reload. Returns true when the page is leaving for the provider.
 */
export async function resume() {
  try {
    return await resumeOrThrow();
  } catch (error) {
    console.error(error);
    problem = error.message;
    return false;
  }
}

/** Why the last sign-in failed (an OAuth error code, or signin-state / signin-token), or null. */
export function signInProblem() {
  return problem;
}

async function resumeOrThrow() {
  if (!await configuration()) return false;
  const params = new URLSearchParams(location.search);
  const pendingText = sessionStorage.getItem(PENDING);
  if (params.has('code') || params.has('error')) {
    sessionStorage.removeItem(PENDING);
    const pending = pendingText ? JSON.parse(pendingText) : null;
    history.replaceState(null, '', `${location.pathname}${pending ? pending.returnTo : '#/'}`);
    if (!pending || params.get('state') !== pending.state) throw new Error('signin-state');
    if (params.has('error')) throw new Error(params.get('error'));
    await exchange(new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'),
      redirect_uri: redirectUri(), client_id: settings.clientId, code_verifier: pending.verifier }));
    sessionStorage.setItem(ACTIVE, 'true');
    return false;
  }
  if (sessionStorage.getItem(ACTIVE)) {
    await startSignIn(location.hash);
    return true;
  }
  return false;
}

async function exchange(form) {
  const config = await configuration();
  const provider = await discovery();
  const answer = await json(provider.token_endpoint, { method: 'POST', body: form,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  if (!answer.access_token) throw new Error('signin-token');
  problem = null;
  tokens = { access: answer.access_token, id: answer.id_token || null,
    expiresAt: Date.now() + (answer.expires_in || 300) * 1000, clientId: config.clientId };
  clearTimeout(renewal);
  renewal = setTimeout(renew, Math.max(0, tokens.expiresAt - Date.now() - RENEW_BEFORE_MS));
}

/** Goes through the provider again for fresh tokens, back to this page with the input not sent yet. */
export async function renew() {
  keepDrafts();
  await startSignIn(location.hash);
}

/** The access token of a provider sign-in, or null. */
export function accessToken() {
  return tokens ? tokens.access : null;
}

/** Forgets the tokens and ends the provider's session, which sends the browser back to the dashboard. */
export async function signOutOfProvider() {
  const idToken = tokens && tokens.id;
  tokens = null;
  clearTimeout(renewal);
  sessionStorage.removeItem(ACTIVE);
  const provider = await discovery();
  if (!provider.end_session_endpoint) return false;
  const url = new URL(provider.end_session_endpoint);
  const params = { client_id: settings.clientId, post_logout_redirect_uri: redirectUri() };
  if (idToken) params.id_token_hint = idToken;
  url.search = new URLSearchParams(params).toString();
  location.assign(url.toString());
  return true;
}
