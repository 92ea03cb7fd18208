// Sign-in through the gateway (backend-for-frontend). The gateway keeps the session in an
// httpOnly cookie; the page only learns who is signed in and the CSRF token. The gateway has no
// OpenAPI contract, so these few shapes are written here.
import { ApiProblem, NetworkError, problemFromResponse } from "../api/problem";

export interface Session {
  username: string;
  name: string;
  roles: string[];
  /** The home ids the person works in (empty for organisation-wide roles). */
  homes: string[];
  csrf_token: string;
}

interface LoginAnswer {
  name: string;
  roles: string[];
  homes: string[];
  csrf_token: string;
}

async function send(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, { credentials: "same-origin", ...init });
  } catch (error) {
    throw new NetworkError(error);
  }
}

async function problem(response: Response): Promise<ApiProblem> {
  const body: unknown = await response.json().catch(() => null);
  return problemFromResponse(response, body);
}

/** How people sign in here (GET /auth/config): a username and password, or at the
 * organisation's identity provider (open `login_url` as a page, with `?return_to=/path`). */
export interface AuthConfig {
  method: "password" | "oidc";
  login_url?: string;
  /** What people call the provider, when the gateway is told (OIDC_PROVIDER_NAME). */
  provider_name?: string;
}

export async function fetchAuthConfig(): Promise<AuthConfig> {
  const response = await send("/auth/config", { headers: { Accept: "application/json" } });
  if (!response.ok) throw await problem(response);
  return (await response.json()) as AuthConfig;
}

/** Who is signed in, or null when nobody is. */
export async function fetchSession(): Promise<Session | null> {
  const response = await send("/auth/me", { headers: { Accept: "application/json" } });
  if (response.status === 401) return null;
  if (!response.ok) throw await problem(response);
  return (await response.json()) as Session;
}

/** Throws ApiProblem 401 (wrong details) or 429 (too many attempts, with retryAfterSeconds). */
export async function signIn(username: string, password: string): Promise<Session> {
  const response = await send("/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw await problem(response);
  const answer = (await response.json()) as LoginAnswer;
  return { username, ...answer };
}

export async function signOut(csrfToken: string | null): Promise<void> {
  const response = await send("/auth/logout", {
    method: "POST",
    headers: csrfToken ? { "X-CSRF-Token": csrfToken } : {},
  });
  if (!response.ok && response.status !== 401) throw await problem(response);
}
