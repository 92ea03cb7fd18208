// Fails when src/api/generated is older than the committed services/*/openapi.json contracts.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateAll, SERVICES } from "../../scripts/gen-api.mjs";

describe("generated API types", () => {
  it("match the committed OpenAPI contracts (run `npm run gen:api` if not)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "carehub-gen-"));
    try {
      await generateAll(dir);
      const stale: string[] = [];
      for (const service of SERVICES) {
        const fresh = await readFile(path.join(dir, `${service}.ts`), "utf8");
        const committed = await readFile(path.join(import.meta.dirname, "generated", `${service}.ts`), "utf8").catch(() => "");
        if (committed !== fresh) stale.push(`src/api/generated/${service}.ts`);
      }
      expect(stale, "stale generated types: run `npm run gen:api` and commit the result").toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
