import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError } from './error';
import i18n from '../../i18n';

let csrfToken: string | undefined;

/** setCsrfToken stores the token from GET /sessions/current or a sign-in answer. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

const listeners = new Set<() => void>();

/** onSessionExpired registers a callback for a 401 sessionExpired answer. */
export function onSessionExpired(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

async function ensureCsrf(): Promise<string | undefined> {
  if (csrfToken) return csrfToken;
  const res = await fetch('/api/v1/sessions/current', { credentials: 'same-origin' });
  if (res.ok) csrfToken = ((await res.json()) as { csrfToken?: string }).csrfToken;
  return csrfToken;
}

const csrf: Middleware = {
  async onRequest({ request }) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const token = await ensureCsrf();
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
};

/** language asks the server for its texts (problem details, reasons) in the interface's language. */
const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language === 'en' ? 'en' : 'nl');
    return request;
  },
};

const problems: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return response;
    let body: Record<string, unknown> | undefined;
    try {
      body = await response.clone().json();
    } catch {
      body = undefined;
    }
    if (response.status === 401 && body?.code === 'sessionExpired') {
      csrfToken = undefined;
      listeners.forEach((fn) => fn());
    }
    const retry = Number(response.headers.get('Retry-After') ?? '') || undefined;
    throw new ApiError(response.status, body, retry);
  },
};

/** api is the typed client generated from docs/api/openapi.json. */
export const api = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });
api.use(language, csrf, problems);
