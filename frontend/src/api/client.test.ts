import { afterEach, describe, expect, it, vi } from "vitest";
import { assets, prepareRequest, setCsrfToken } from "./client";
import { unwrap } from "./problem";

afterEach(() => {
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe("request headers", () => {
  it("adds the CSRF token to changes, not to reads", () => {
    setCsrfToken("tok-1");
    expect(prepareRequest(new Request("http://x/api/assets/v1/homes")).headers.get("X-CSRF-Token")).toBeNull();
    for (const method of ["POST", "PATCH", "PUT", "DELETE"]) {
      expect(prepareRequest(new Request("http://x/", { method })).headers.get("X-CSRF-Token")).toBe("tok-1");
    }
  });

  it("gives a POST an Idempotency-Key, and keeps one the caller chose", () => {
    const fresh = prepareRequest(new Request("http://x/", { method: "POST" })).headers.get("Idempotency-Key");
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    const kept = prepareRequest(new Request("http://x/", { method: "POST", headers: { "Idempotency-Key": "mine" } }));
    expect(kept.headers.get("Idempotency-Key")).toBe("mine");
    expect(prepareRequest(new Request("http://x/", { method: "PATCH" })).headers.get("Idempotency-Key")).toBeNull();
  });

  it("calls the service through the gateway with the typed client", async () => {
    setCsrfToken("tok-2");
    const seen: Request[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      seen.push(request);
      return new Response(JSON.stringify({ id: "h1", version: 2 }), { status: 200, headers: { "content-type": "application/json" } });
    });
    await unwrap(
      assets.PATCH("/v1/homes/{home_id}", {
        params: { path: { home_id: "h1" }, header: { "If-Match": '"1"' } },
        body: { registered_beds: 42 },
      }),
    );
    const request = seen[0];
    expect(request?.url).toBe("http://localhost/api/assets/v1/homes/h1");
    expect(request?.method).toBe("PATCH");
    expect(request?.headers.get("If-Match")).toBe('"1"');
    expect(request?.headers.get("X-CSRF-Token")).toBe("tok-2");
  });
});
