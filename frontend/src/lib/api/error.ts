/** One invalid field of a problem+json answer (Dutch API Design Rules). */
export type InvalidParam = { name: string; code: string; reason: string };

type ProblemBody = {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  requestId?: string;
  invalidParams?: InvalidParam[];
  limit?: number;
};

/** ApiError is every failed API call: the RFC 9457 problem the server sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly invalidParams: InvalidParam[];
  readonly retryAfter?: number;
  /** limit is the quota a 429 names (e.g. 25 open invites per opening). */
  readonly limit?: number;

  constructor(status: number, body: ProblemBody | undefined, retryAfter?: number) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code;
    this.requestId = body?.requestId;
    this.invalidParams = body?.invalidParams ?? [];
    this.retryAfter = retryAfter;
    this.limit = body?.limit;
  }

  /** fieldErrors maps field names to the server's reason codes, for forms. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.invalidParams) {
      if (p.name && !(p.name in out)) out[p.name] = p.code;
    }
    return out;
  }

  /**
   * fieldMessages maps field names to the server's reasons, which it writes
   * in the language the client asked for (Accept-Language).
   */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.invalidParams) {
      if (!p.name || p.name in out) continue;
      out[p.name] = p.reason;
    }
    return out;
  }
}
