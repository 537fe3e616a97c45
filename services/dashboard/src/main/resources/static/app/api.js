// The services' public APIs, same-origin through the dashboard (/api/<service>/… → <service>/api/…), with the
// caller's token. Nothing is cached or stored here: every view asks the services.
import { token } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function call(service, path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`/api/${service}${path}`, init);
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      problem = { title: response.statusText };
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function api(service, path, options) {
  const response = await call(service, path, options);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Every page of a registry list (size 500), up to {@code maxItems}. */
export async function allCommitments(params, maxItems = 10000) {
  const items = [];
  for (let page = 0; items.length < maxItems; page++) {
    const result = await api('registry', '/commitments' + query({ ...params, page, size: 500, total: page === 0 }));
    items.push(...result.items);
    if (result.items.length < 500) break;
  }
  return items;
}

/** Downloads an answer as a file: a plain link could not carry the token. */
export async function download(service, path, fileName, accept = 'text/csv') {
  const response = await call(service, path, { accept });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
