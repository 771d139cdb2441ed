/**
 * A run's hard deadline and the shutdown abort: both abort the signal its loader gets
 * (liveLoader passes it to every fetch), and the loading step rejects at once even if a
 * loader ignores the signal. Only loading is cut: a run already writing its transaction
 * finishes it.
 */
import type { DocumentLoader } from "../run-source.ts";

export class RunTimeoutError extends Error {
  constructor(sourceId: string, timeoutMs: number) {
    super(`${sourceId}: run timed out after ${timeoutMs} ms (the source's timeoutMs)`);
    this.name = "RunTimeoutError";
  }
}

export class SchedulerStoppedError extends Error {
  constructor() {
    super("run aborted: the service is shutting down");
    this.name = "SchedulerStoppedError";
  }
}

/** The loader's result, or the signal's reason as soon as it aborts, even if the loader ignores the signal. */
export function abortable(load: DocumentLoader, signal: AbortSignal): DocumentLoader {
  return (source) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      load(source)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener("abort", onAbort));
    });
}
