import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../api/client";
import { formDataOf, startImport } from "./imports";

afterEach(() => {
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe("the import upload", () => {
  it("sends the file and the fields as multipart", () => {
    const form = formDataOf({ file: "kit.csv", home_id: "h1", dry_run: false, mapping: '{"Colour":"ignore"}' }, new Blob(["Name\nHoist"]));
    expect(form.get("home_id")).toBe("h1");
    expect(form.get("dry_run")).toBe("false");
    expect(form.get("mapping")).toBe('{"Colour":"ignore"}');
    const file = form.get("file");
    expect(file instanceof File && file.name).toBe("kit.csv");
  });

  it("posts with the save queue's Idempotency-Key and the CSRF token, and lets the browser set the boundary", async () => {
    setCsrfToken("tok");
    const seen: Request[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      seen.push(request);
      return new Response(JSON.stringify({ id: "job-1", status: "queued" }), { status: 202, headers: { "content-type": "application/json" } });
    });
    const job = await startImport({ file: new File(["Name,Category\nHoist,hoist\n"], "kit.csv"), homeId: "h1", mapping: {}, dryRun: true }, "key-1");
    expect(job.id).toBe("job-1");
    const request = seen[0];
    expect(request?.url).toBe("http://localhost/api/assets/v1/imports");
    expect(request?.headers.get("Idempotency-Key")).toBe("key-1");
    expect(request?.headers.get("X-CSRF-Token")).toBe("tok");
    expect(request?.headers.get("Content-Type")).toMatch(/^multipart\/form-data; boundary=/);
    const body = await request?.formData();
    expect(body?.get("dry_run")).toBe("true");
    expect(body?.has("mapping")).toBe(false);
    const file = body?.get("file");
    expect(file instanceof File ? await file.text() : null).toBe("Name,Category\nHoist,hoist\n");
  });
});
