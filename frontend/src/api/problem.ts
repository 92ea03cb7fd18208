// Every failed call becomes an ApiProblem (the server answered with an error, usually
// problem+json) or a NetworkError (no answer at all: the connection dropped or timed out).
import type { components } from "./generated/assets";

export type ProblemBody = components["schemas"]["Problem"];
export type ValidationIssue = components["schemas"]["ValidationIssue"];

export class ApiProblem extends Error {
  override readonly name = "ApiProblem";
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly type: string;
  readonly requestId: string | null;
  readonly errors: ValidationIssue[];
  /** Seconds from a Retry-After header (429, 503), when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: Partial<ProblemBody> | null, headers?: Headers) {
    const title = body?.title ?? defaultTitle(status);
    super(body?.detail ?? title);
    this.status = status;
    this.title = title;
    this.detail = body?.detail ?? null;
    this.type = body?.type ?? "about:blank";
    this.requestId = body?.request_id ?? headers?.get("x-request-id") ?? null;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
    this.retryAfterSeconds = parseRetryAfter(headers?.get("retry-after") ?? null);
  }

  get isConflict(): boolean {
    return this.status === 412;
  }
}

export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(cause?: unknown) {
    super("Care Hub could not be reached. Check the connection.", { cause });
  }
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}

/** A Retry-After header: delay in seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function defaultTitle(status: number): string {
  if (status === 401) return "Unauthorized";
  if (status === 403) return "Forbidden";
  if (status === 404) return "Not Found";
  if (status === 412) return "Precondition Failed";
  if (status === 429) return "Too Many Requests";
  if (status >= 500) return "Server Error";
  return "Request failed";
}

/** Turns any error response into an ApiProblem, whatever its body. */
export function problemFromResponse(response: Response, body: unknown): ApiProblem {
  const looksLikeProblem = typeof body === "object" && body !== null && "status" in body;
  return new ApiProblem(response.status, looksLikeProblem ? (body as ProblemBody) : null, response.headers);
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Like `unwrap`, and also gives the response (for its ETag). */
export async function unwrapResponse<T>(
  call: Promise<FetchResult<T>>,
): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw new NetworkError(error);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) throw problemFromResponse(response, error);
  return { data: data as T, response };
}

/** `await unwrap(assets.GET("/v1/homes"))`: the data, or a thrown ApiProblem / NetworkError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  return (await unwrapResponse(call)).data;
}
