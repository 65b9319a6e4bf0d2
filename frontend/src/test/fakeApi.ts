import { vi } from 'vitest';

export type Answer = { status: number; body: unknown };

/**
 * installFakeApi replaces fetch (and Request, whose Node version does not
 * take the API client's relative URLs) before the client is imported: call
 * it from vi.hoisted. Requests are recorded in `sent`; each is answered by
 * `route` when given and it answers, else by the next of `answers`, else
 * with a 500. GET /sessions/current always answers a signed-in session.
 */
export function installFakeApi(route?: (url: string) => Answer | undefined) {
  const NodeRequest = globalThis.Request;
  globalThis.Request = class extends NodeRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' && input.startsWith('/') ? `http://localhost${input}` : input, init);
    }
  } as typeof Request;
  const answers: Answer[] = [];
  const sent: { url: string; body: unknown }[] = [];
  globalThis.fetch = vi.fn(async (input: RequestInfo | URL) => {
    const req = input instanceof Request ? input : new Request(input);
    if (req.url.endsWith('/sessions/current')) return new Response(JSON.stringify({ csrfToken: 't', signedIn: true }), { status: 200 });
    const text = await req.clone().text();
    sent.push({ url: req.url, body: text ? JSON.parse(text) : undefined });
    const a = route?.(req.url) ?? answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': a.status < 300 ? 'application/json' : 'application/problem+json' } });
  }) as typeof fetch;
  return { answers, sent };
}
