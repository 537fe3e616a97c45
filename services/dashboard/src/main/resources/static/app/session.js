// The caller's bearer token: a provider sign-in's (oidc.js, in memory), else the one the user pasted (the advanced
// option, kept for this tab only in sessionStorage). The services verify it on every call; the claims read here
// only decide which controls to show.
import { accessToken, signOutOfProvider } from './oidc.js';

const KEY = 'tracker.dashboard.token';

export function token() {
  return accessToken() || sessionStorage.getItem(KEY);
}

export function signIn(value) {
  const trimmed = value.trim().replace(/^Bearer\s+/i, '');
  const decoded = decode(trimmed);
  if (!decoded) throw new Error('not-a-jwt');
  sessionStorage.setItem(KEY, trimmed);
  return decoded;
}

/** Forgets the token; a provider sign-in also ends there (the page leaves for the provider: resolves true). */
export async function signOut() {
  sessionStorage.removeItem(KEY);
  return accessToken() ? signOutOfProvider() : false;
}

function decode(jwt) {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    const roles = Array.isArray(payload.roles) ? payload.roles
      : typeof payload.roles === 'string' ? payload.roles.split(/\s+/).filter(Boolean) : [];
    return {
      subject: payload.sub || '',
      roles,
      agencyId: payload.agency_id || null,
      expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
    };
  } catch {
    return null;
  }
}

/** The signed-in caller's claims, or null when there is no (readable, unexpired) token. */
export function caller() {
  const value = token();
  const claims = value ? decode(value) : null;
  if (!claims || (claims.expiresAt && claims.expiresAt < new Date())) return null;
  return claims;
}

export function hasRole(role) {
  const claims = caller();
  return !!claims && claims.roles.includes(role);
}

/** Readers, operators and agencies query commitments. */
export function readsCommitments() {
  return hasRole('reader') || hasRole('operator') || hasRole('agency');
}

/** Readers, publishers and operators read communiqués and analyses. */
export function readsCommuniques() {
  return hasRole('reader') || hasRole('publisher') || hasRole('operator');
}
