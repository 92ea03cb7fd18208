// One openapi-fetch client per service, all through the gateway at /api/<service>. The browser
// holds no token: the session cookie goes with each call, and every unsafe call carries the
// CSRF token the gateway gave at sign-in; every POST carries an Idempotency-Key.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths as AssetsPaths } from "./generated/assets";
import type { paths as CareplanPaths } from "./generated/careplan";
import type { paths as FeedbackPaths } from "./generated/feedback";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from the sign-in answer or GET /auth/me; cleared at sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when any API call answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Adds the headers every call needs. Exported for the unit tests. */
export function prepareRequest(request: Request): Request {
  const method = request.method.toUpperCase();
  if (!SAFE_METHODS.has(method) && csrfToken && !request.headers.has("X-CSRF-Token")) {
    request.headers.set("X-CSRF-Token", csrfToken);
  }
  // A caller that may retry (the save queue) passes its own key, kept across the retries.
  if (method === "POST" && !request.headers.has("Idempotency-Key")) {
    request.headers.set("Idempotency-Key", newIdempotencyKey());
  }
  request.headers.set("Accept", "application/json, application/problem+json");
  return request;
}

const middleware: Middleware = {
  onRequest({ request }) {
    return prepareRequest(request);
  },
  onResponse({ response }) {
    if (response.status === 401) onUnauthorized?.();
    return undefined;
  },
};

// Same origin as the page (absolute, because Request needs one outside a browser too).
const ORIGIN = typeof location === "undefined" ? "http://localhost" : location.origin;

function serviceClient<Paths extends {}>(service: string) {
  const client = createClient<Paths>({
    baseUrl: `${ORIGIN}/api/${service}`,
    credentials: "same-origin",
    // Resolve the global at call time, so tests (and the network) can replace it.
    fetch: (request: Request) => globalThis.fetch(request),
  });
  client.use(middleware);
  return client;
}

export const assets = serviceClient<AssetsPaths>("assets");
export const careplan = serviceClient<CareplanPaths>("careplan");
export const feedback = serviceClient<FeedbackPaths>("feedback");
