// Saves that survive a dropped connection. A save whose request never got an answer (the
// network failed or timed out) is kept and tried again, with the SAME Idempotency-Key, until it
// gets one, so the server stores it exactly once. A save the server answered with an error is
// not retried: the caller shows that error.
import { isNetworkError } from "../api/problem";

export type SaveState = "saving" | "waiting" | "saved" | "failed";

export interface SaveJobView {
  id: string;
  label: string;
  idempotencyKey: string;
  state: SaveState;
  attempts: number;
  /** When the next automatic try is due (ms since the epoch), while waiting. */
  nextTryAt: number | null;
}

export class SaveDiscarded extends Error {
  override readonly name = "SaveDiscarded";
}

interface Job extends SaveJobView {
  run: (idempotencyKey: string) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface SaveQueueOptions {
  /** Delay before each automatic retry; the last one repeats. */
  retryDelaysMs?: readonly number[];
  newKey?: () => string;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimer?: (timer: ReturnType<typeof setTimeout>) => void;
}

type Listener = (jobs: readonly SaveJobView[]) => void;

export class SaveQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Set<Listener>();
  private readonly delays: readonly number[];
  private readonly newKey: () => string;
  private readonly now: () => number;
  private readonly setTimer: NonNullable<SaveQueueOptions["setTimer"]>;
  private readonly clearTimer: NonNullable<SaveQueueOptions["clearTimer"]>;
  private snapshot: readonly SaveJobView[] = [];
  private counter = 0;

  constructor(options: SaveQueueOptions = {}) {
    this.delays = options.retryDelaysMs ?? [2_000, 5_000, 10_000, 30_000];
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer));
  }

  /**
   * Runs `run(idempotencyKey)` until it gets an answer from the server. Resolves with its result;
   * rejects with the server's error (an ApiProblem), or SaveDiscarded if the person gives up.
   */
  submit<T>(label: string, run: (idempotencyKey: string) => Promise<T>): Promise<T> {
    this.counter += 1;
    const id = `save-${this.counter}`;
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        id,
        label,
        idempotencyKey: this.newKey(),
        state: "saving",
        attempts: 0,
        nextTryAt: null,
        run,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer: null,
      };
      this.jobs.set(id, job);
      void this.attempt(job);
    });
  }

  /** Try every waiting save now (the browser came back online, or the person asked). */
  retryAll(): void {
    for (const job of this.jobs.values()) this.retry(job);
  }

  /** Give up on a waiting save: its promise rejects with SaveDiscarded. */
  discard(id: string): void {
    const job = this.jobs.get(id);
    if (!job || job.state !== "waiting") return;
    if (job.timer) this.clearTimer(job.timer);
    this.jobs.delete(id);
    job.reject(new SaveDiscarded(`${job.label} was not saved.`));
    this.publish();
  }

  list(): readonly SaveJobView[] {
    return this.snapshot;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Never two attempts of one save at once, and none after it has finished. */
  private retry(job: Job): void {
    if (this.jobs.get(job.id) === job && job.state === "waiting") void this.attempt(job);
  }

  private async attempt(job: Job): Promise<void> {
    if (job.timer) this.clearTimer(job.timer);
    job.timer = null;
    job.state = "saving";
    job.nextTryAt = null;
    job.attempts += 1;
    this.publish();
    try {
      const result = await job.run(job.idempotencyKey);
      this.finish(job, "saved");
      job.resolve(result);
    } catch (error) {
      if (!this.jobs.has(job.id)) return; // discarded meanwhile
      if (isNetworkError(error)) {
        this.wait(job);
        return;
      }
      this.finish(job, "failed");
      job.reject(error);
    }
  }

  private wait(job: Job): void {
    const delay = this.delays[Math.min(job.attempts - 1, this.delays.length - 1)] ?? 30_000;
    job.state = "waiting";
    job.nextTryAt = this.now() + delay;
    job.timer = this.setTimer(() => this.retry(job), delay);
    this.publish();
  }

  private finish(job: Job, state: "saved" | "failed"): void {
    job.state = state;
    this.jobs.delete(job.id);
    this.publish();
  }

  private publish(): void {
    this.snapshot = [...this.jobs.values()].map(({ id, label, idempotencyKey, state, attempts, nextTryAt }) => ({
      id,
      label,
      idempotencyKey,
      state,
      attempts,
      nextTryAt,
    }));
    for (const listener of this.listeners) listener(this.snapshot);
  }
}

/** The app's one queue: the status bar shows it on every page. */
export const saveQueue = new SaveQueue();

if (typeof window !== "undefined") {
  window.addEventListener("online", () => saveQueue.retryAll());
}
