import { afterEach, describe, expect, it, vi } from "vitest";
import { SaveQueue } from "../../../lib/saveQueue";
import { raiseDefect } from "../defects/defects";
import { startImport } from "../import/imports";

afterEach(() => vi.unstubAllGlobals());

/** A network that drops the first request and answers the rest; it records every request. */
function flakyNetwork(answer: () => Response) {
  const seen: Request[] = [];
  vi.stubGlobal("fetch", async (request: Request) => {
    seen.push(request);
    if (seen.length === 1) throw new TypeError("Failed to fetch");
    return answer();
  });
  return seen;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("saves on bad signal", () => {
  it("sends a fault report again with the same Idempotency-Key after a dropped connection", async () => {
    const seen = flakyNetwork(() => json(201, { id: "d1", title: "Not working" }));
    const queue = new SaveQueue({ retryDelaysMs: [0], newKey: () => "fault-key" });
    const body = { asset_id: "a1", title: "Not working", priority: "P2" as const, take_out_of_service: false };
    const defect = await queue.submit("Fault report", (key) => raiseDefect(body, key));
    expect(defect.id).toBe("d1");
    expect(seen.map((request) => request.headers.get("Idempotency-Key"))).toEqual(["fault-key", "fault-key"]);
    expect(await seen[1]?.json()).toEqual(body);
  });

  it("uploads an import again with the same Idempotency-Key, so one job is made", async () => {
    const seen = flakyNetwork(() => json(202, { id: "job-1" }));
    const queue = new SaveQueue({ retryDelaysMs: [0], newKey: () => "import-key" });
    const file = new File(["Name,Category\nHoist,hoist\n"], "kit.csv");
    const job = await queue.submit("Import", (key) => startImport({ file, homeId: "h1", mapping: {}, dryRun: false }, key));
    expect(job.id).toBe("job-1");
    expect(seen.map((request) => request.headers.get("Idempotency-Key"))).toEqual(["import-key", "import-key"]);
  });

  it("does not send again when the service answered with a refusal", async () => {
    const seen: Request[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      seen.push(request);
      return json(404, { status: 404, title: "Not Found" });
    });
    const queue = new SaveQueue({ retryDelaysMs: [0] });
    const body = { asset_id: "a1", title: "Damaged", priority: "P2" as const, take_out_of_service: false };
    await expect(queue.submit("Fault report", (key) => raiseDefect(body, key))).rejects.toMatchObject({ status: 404 });
    expect(seen).toHaveLength(1);
  });
});
