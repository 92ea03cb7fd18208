import { describe, expect, it, vi } from "vitest";
import { ApiProblem, NetworkError } from "../api/problem";
import { SaveDiscarded, SaveQueue } from "./saveQueue";

function manualTimers() {
  const pending: (() => void)[] = [];
  return {
    setTimer: (callback: () => void) => {
      pending.push(callback);
      return pending.length as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: () => undefined,
    fire: async () => {
      const callbacks = pending.splice(0);
      for (const callback of callbacks) callback();
      await flush();
    },
    get count() {
      return pending.length;
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("SaveQueue", () => {
  it("retries a save lost to the network with the same Idempotency-Key, once it gets an answer", async () => {
    const timers = manualTimers();
    let n = 0;
    const queue = new SaveQueue({ newKey: () => `key-${++n}`, ...timers });
    const keys: string[] = [];
    const server = vi.fn(async (key: string) => {
      keys.push(key);
      if (keys.length < 3) throw new NetworkError(new TypeError("Failed to fetch"));
      return { saved: true };
    });

    const saved = queue.submit("Daily note", server);
    await flush();
    expect(queue.list()).toMatchObject([{ label: "Daily note", state: "waiting", attempts: 1 }]);
    await timers.fire();
    expect(queue.list()[0]?.state).toBe("waiting");
    await timers.fire();

    await expect(saved).resolves.toEqual({ saved: true });
    expect(keys).toEqual(["key-1", "key-1", "key-1"]);
    expect(server).toHaveBeenCalledTimes(3);
    expect(queue.list()).toEqual([]);
    expect(timers.count).toBe(0);
  });

  it("gives each save its own key", async () => {
    let n = 0;
    const queue = new SaveQueue({ newKey: () => `key-${++n}` });
    const keys: string[] = [];
    await queue.submit("one", async (key) => keys.push(key));
    await queue.submit("two", async (key) => keys.push(key));
    expect(keys).toEqual(["key-1", "key-2"]);
  });

  it("does not retry a save the server refused, and passes the problem on", async () => {
    const timers = manualTimers();
    const queue = new SaveQueue(timers);
    const run = vi.fn(async () => {
      throw new ApiProblem(422, { type: "t", title: "Unprocessable Entity", status: 422, errors: [] });
    });
    await expect(queue.submit("Home", run)).rejects.toBeInstanceOf(ApiProblem);
    expect(run).toHaveBeenCalledTimes(1);
    expect(timers.count).toBe(0);
    expect(queue.list()).toEqual([]);
  });

  it("tries waiting saves at once when the connection comes back, without a second attempt in flight", async () => {
    const timers = manualTimers();
    const queue = new SaveQueue(timers);
    let fail = true;
    const run = vi.fn(async () => {
      if (fail) throw new NetworkError();
      return "ok";
    });
    const saved = queue.submit("Home", run);
    await flush();
    fail = false;
    queue.retryAll();
    await expect(saved).resolves.toBe("ok");
    queue.retryAll();
    await timers.fire(); // the old timer has nothing left to do
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("shows 'saving' while a save is on its way", async () => {
    const queue = new SaveQueue();
    const states: string[] = [];
    queue.subscribe((jobs) => states.push(jobs.map((job) => job.state).join(",")));
    await queue.submit("Home", async () => "ok");
    expect(states).toEqual(["saving", ""]);
  });

  it("lets the person give up on a waiting save", async () => {
    const timers = manualTimers();
    const queue = new SaveQueue(timers);
    const saved = queue.submit("Home", async () => {
      throw new NetworkError();
    });
    await flush();
    const id = queue.list()[0]?.id ?? "";
    queue.discard(id);
    await expect(saved).rejects.toBeInstanceOf(SaveDiscarded);
    expect(queue.list()).toEqual([]);
  });
});
