import { describe, expect, it } from "vitest";
import { DEFAULT_OIDC_LOGIN, providerErrorMessage, signInOptions } from "./signInMethod";

describe("how the sign-in page offers sign-in", () => {
  it("shows the password form when the gateway signs people in with passwords", () => {
    expect(signInOptions({ method: "password" }, "/care")).toMatchObject({ password: true, providerHref: null });
  });

  it("shows the password form while the config is unknown (loading or unreadable)", () => {
    expect(signInOptions(undefined, "/").password).toBe(true);
    expect(signInOptions(null, "/").providerHref).toBeNull();
  });

  it("links to the gateway's provider sign-in, keeping where to go next, and hides the password form", () => {
    const options = signInOptions({ method: "oidc", login_url: "/auth/oidc/login" }, "/reports/homes/abc?x=1");
    expect(options.password).toBe(false);
    expect(options.providerHref).toBe("/auth/oidc/login?return_to=%2Freports%2Fhomes%2Fabc%3Fx%3D1");
    expect(options.providerLabel).toMatch(/^Sign in with /);
  });

  it("names the provider when the gateway does, and says 'your organisation' when it does not", () => {
    const named = signInOptions({ method: "oidc", login_url: "/auth/oidc/login", provider_name: "Halton Council account" }, "/");
    expect(named.providerLabel).toBe("Sign in with your Halton Council account");
    expect(signInOptions({ method: "oidc", provider_name: "  " }, "/").providerLabel).toBe("Sign in with your organisation’s account");
  });

  it("leaves return_to off for the start page, and adds it to an address with a query", () => {
    expect(signInOptions({ method: "oidc", login_url: "/auth/oidc/login" }, "/").providerHref).toBe("/auth/oidc/login");
    expect(signInOptions({ method: "oidc", login_url: "/auth/oidc/login?prompt=login" }, "/care").providerHref).toBe(
      "/auth/oidc/login?prompt=login&return_to=%2Fcare",
    );
  });

  it("never links to another site, whatever the config says", () => {
    for (const login_url of ["https://evil.example/login", "//evil.example/login", "/\\evil.example", "", undefined]) {
      expect(signInOptions({ method: "oidc", login_url }, "/").providerHref).toBe(DEFAULT_OIDC_LOGIN);
    }
  });
});

describe("a provider sign-in that did not complete", () => {
  it("explains each code the gateway sends back in words", () => {
    expect(providerErrorMessage("access_denied")).toMatch(/did not finish signing in/);
    expect(providerErrorMessage("invalid_state")).toMatch(/took too long/);
    expect(providerErrorMessage("provider_unavailable")).toMatch(/could not be reached/);
    expect(providerErrorMessage("no_access")).toMatch(/no role in Care Hub/);
    expect(providerErrorMessage("sign_in_failed")).toMatch(/could not be signed in/);
    expect(providerErrorMessage("something_new")).toMatch(/could not be signed in/);
  });

  it("says nothing without a code", () => {
    expect(providerErrorMessage(null)).toBeNull();
    expect(providerErrorMessage("")).toBeNull();
  });
});
