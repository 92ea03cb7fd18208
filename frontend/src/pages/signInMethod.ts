// How the sign-in page offers sign-in, from the gateway's GET /auth/config: the password form,
// or a link to the organisation's identity provider (the gateway then refuses local passwords).
import type { AuthConfig } from "../auth/session";

/** Where the gateway begins sign-in at the provider when the config names no address. */
export const DEFAULT_OIDC_LOGIN = "/auth/oidc/login";

export interface SignInOptions {
  /** Show the username and password form. */
  password: boolean;
  /** The gateway's provider sign-in address, keeping where to go afterwards; null: none. */
  providerHref: string | null;
  /** "Sign in with …": the provider's name when the gateway gives one, else "your organisation's account". */
  providerLabel: string;
}

export const PROVIDER_LABEL = "Sign in with your organisation’s account";

/** Only a path on this site: the link must never send people somewhere else. */
function loginPath(url: string | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return DEFAULT_OIDC_LOGIN;
  return url;
}

/**
 * What the page shows. While the config is loading, or when it could not be read (an older
 * gateway, a dropped connection), the password form: the gateway still says no if passwords are
 * off, and the page then asks again (see `passwordsRefused`).
 */
export function signInOptions(config: AuthConfig | null | undefined, next: string): SignInOptions {
  if (config?.method !== "oidc") return { password: true, providerHref: null, providerLabel: PROVIDER_LABEL };
  const path = loginPath(config.login_url);
  const separator = path.includes("?") ? "&" : "?";
  const href = next === "/" ? path : `${path}${separator}return_to=${encodeURIComponent(next)}`;
  const name = config.provider_name?.trim();
  return { password: false, providerHref: href, providerLabel: name ? `Sign in with your ${name}` : PROVIDER_LABEL };
}

/**
 * The `?error=` the gateway sends back to the sign-in page after a provider sign-in that did
 * not complete, in words. Unknown codes get the general message; no code, null.
 */
export function providerErrorMessage(code: string | null): string | null {
  if (!code) return null;
  switch (code) {
    case "access_denied":
      return "You did not finish signing in with your organisation’s account. Try again.";
    case "invalid_state":
      return "Your sign-in took too long or was started in another window. Try again.";
    case "provider_unavailable":
      return "Your organisation’s sign-in service could not be reached. Try again in a few minutes.";
    case "provider_error":
      return "Your organisation’s sign-in service reported a problem. Try again, or contact the IT service desk.";
    case "no_access":
      return "Your account has no role in Care Hub yet. Ask your manager or the IT service desk to give you one.";
    default:
      return "Sorry, you could not be signed in. Try again, or contact the IT service desk.";
  }
}
