/**
 * Every HTTP request has a time limit (REQUEST_TIMEOUT_MS). Past it the caller gets a 503
 * that says so, instead of waiting on a slow query; the work itself is not interrupted
 * (a database query cannot be), and its late answer is dropped. A response already
 * streaming when the limit passes (a feed) is let finish. The timer cannot fire while
 * synchronous work holds the event loop: the limit bounds waiting, not CPU.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./send-json.ts";

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void;

export interface TimeLimitOptions {
  timeoutMs: number;
  /** Called once when a request passes its limit (for the log). */
  onTimeout?: (url: URL) => void;
}

/**
 * Watches the response, not the handler's promise: tRPC's HTTP handler returns before it
 * has answered. The limit is met when the response finishes (or the client goes away).
 */
export function withTimeLimit(handler: Handler, options: TimeLimitOptions): Handler {
  return async (request, response, url) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      timedOut = true;
      options.onTimeout?.(url);
      response.setHeader("retry-after", "5");
      sendJson(response, 503, {
        error: { code: "TIMEOUT", message: `the request took longer than the ${options.timeoutMs} ms time limit; narrow it or try again later` },
      });
    }, options.timeoutMs);
    const stop = () => clearTimeout(timer);
    response.once("finish", stop).once("close", stop);
    try {
      await handler(request, response, url);
    } catch (error) {
      // The late handler failing to write to a response already answered is expected, not a fault.
      if (!timedOut) throw error;
    }
  };
}
