// @ts-check
// Runs the browser tests: one `carehub run` for all of them (starting it costs more than most
// tests), then node's test runner on e2e/*.e2e.test.mjs, or on the files named:
//   node e2e/run.mjs [e2e/care.e2e.test.mjs ...]
// With CAREHUB_E2E_URL set, the tests use that server instead (a `carehub run` you started).
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { FRONTEND, startCarehub } from "./harness.mjs";

const named = process.argv.slice(2);
const files = named.length > 0
  ? named
  : (await readdir(path.join(FRONTEND, "e2e"))).filter((f) => f.endsWith(".e2e.test.mjs")).sort().map((f) => path.join("e2e", f));

const server = process.env.CAREHUB_E2E_URL ? null : await startCarehub();
const url = process.env.CAREHUB_E2E_URL ?? server?.url ?? "";
let code = 1;
try {
  code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ["--test", "--test-concurrency=1", ...files], {
      cwd: FRONTEND,
      stdio: "inherit",
      env: { ...process.env, CAREHUB_E2E_URL: url },
    });
    child.on("exit", (exitCode) => resolve(exitCode ?? 1));
  });
} finally {
  await server?.stop();
}
process.exit(code);
