/**
 * GET /api/v1/changes/stream: change events as Server-Sent Events. Each event's id is
 * its change_events id, so a reconnecting client's Last-Event-ID (or ?lastEventId=)
 * resumes right after the last event it saw: nothing missed, nothing twice. Ids commit
 * in order because every history write holds the catalogue write lock
 * (db/write-transaction.ts), so "ids above the last sent" never skips a late commit.
 *
 * Instances learn of new events from the trigger's NOTIFY (db/change-notifications.ts),
 * then read ids above what each client was sent; a slow poll covers a lost notification.
 * Heartbeat comments keep proxies from closing an idle stream. Past the client cap the
 * answer is 503 with Retry-After.
 */
import { EventEmitter, once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiContext } from "../context.ts";
import { listenForChangeEvents } from "../../db/change-notifications.ts";
import { changesAfter, lastChangeId } from "../../db/queries/change-feed.ts";
import { resolveModelReference } from "../../db/queries/models.ts";
import { changeFilterFromQuery, type ChangeFilter } from "../../domain/changes/change-filter.ts";
import { describeIssues } from "../../domain/zod-issues.ts";
import { sendJson } from "../send-json.ts";

export interface ChangeStreamOptions {
  /** Concurrent clients per instance (default 200). */
  maxClients?: number;
  /** Interval of heartbeat comments (default 15 s). */
  heartbeatMs?: number;
  /** Safety poll in case a notification was lost (default 30 s). */
  pollMs?: number;
}

const PAGE = 500;

/** A caller's filter with its model name resolved; an error message when a part is wrong. */
export async function resolveChangeFilter(context: Pick<ApiContext, "db">, params: URLSearchParams): Promise<{ filter: ChangeFilter } | { error: string; status: number }> {
  const parsed = changeFilterFromQuery(params);
  if (!parsed.success) return { error: describeIssues(parsed.error), status: 400 };
  const { model, ...rest } = parsed.data;
  if (!model) return { filter: rest };
  const resolution = await resolveModelReference(context.db, model);
  if (!resolution.model) return { error: `model "${model}" not found: ${resolution.reason}`, status: 404 };
  return { filter: { ...rest, modelId: resolution.model.id } };
}

function startingId(request: IncomingMessage, url: URL): number | null | "invalid" {
  const raw = (request.headers["last-event-id"] as string | undefined) ?? url.searchParams.get("lastEventId");
  if (raw === undefined || raw === null || raw === "") return null;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : "invalid";
}

export function createChangeStream(context: ApiContext, options: ChangeStreamOptions = {}) {
  const maxClients = options.maxClients ?? 200;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const pollMs = options.pollMs ?? 30_000;
  const wake = new EventEmitter().setMaxListeners(0);
  let clients = 0;
  let stopListening: Promise<() => Promise<void>> | null = null;

  const attach = () => {
    stopListening ??= listenForChangeEvents(context.connection, () => wake.emit("change")).catch((error: unknown) => {
      // Without notifications the poll still delivers, later.
      context.logger?.warn({ err: error }, "change stream: LISTEN failed; polling only");
      return async () => {};
    });
    return stopListening;
  };
  const detach = async () => {
    if (clients > 0 || !stopListening) return;
    const stopping = stopListening;
    stopListening = null;
    await (await stopping)();
  };

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (url.pathname.replace(/\/$/, "") !== "/api/v1/changes/stream") return sendJson(response, 404, { error: `no route for ${url.pathname}` });
    if (clients >= maxClients) {
      response.setHeader("retry-after", "30");
      return sendJson(response, 503, { error: `the change stream serves at most ${maxClients} clients per instance; try again later` });
    }
    const resolved = await resolveChangeFilter(context, url.searchParams);
    if ("error" in resolved) return sendJson(response, resolved.status, { error: resolved.error });
    const start = startingId(request, url);
    if (start === "invalid") return sendJson(response, 400, { error: "Last-Event-ID must be a change event id (a whole number)" });

    clients += 1;
    let lastSent = start ?? (await lastChangeId(context.db));
    response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive", "x-accel-buffering": "no" });

    let pumping = false;
    let again = false;
    let closed = false;
    const pump = async () => {
      if (pumping) return void (again = true);
      pumping = true;
      try {
        do {
          again = false;
          for (;;) {
            const page = await changesAfter(context.db, resolved.filter, lastSent, PAGE);
            if (closed) return;
            for (const change of page) {
              const flushed = response.write(`id: ${change.id}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
              lastSent = change.id;
              // A slow reader holds the stream back rather than filling this process's memory.
              if (!flushed) await Promise.race([once(response, "drain"), once(response, "close")]);
              if (closed) return;
            }
            if (page.length < PAGE) break;
          }
        } while (again && !closed);
      } catch (error) {
        context.logger?.warn({ err: error }, "change stream: read failed; the next wake-up retries");
      } finally {
        pumping = false;
      }
    };
    const onChange = () => void pump();
    wake.on("change", onChange);
    const heartbeat = setInterval(() => response.write(": heartbeat\n\n"), heartbeatMs);
    const poll = setInterval(onChange, pollMs);
    response.once("close", () => {
      closed = true;
      clients -= 1;
      clearInterval(heartbeat);
      clearInterval(poll);
      wake.off("change", onChange);
      // The database may be closing too (shutdown): a failed UNLISTEN is then moot.
      detach().catch((error: unknown) => context.logger?.debug({ err: error }, "change stream: UNLISTEN failed"));
    });
    await attach();
    if (closed) return;
    // Listening from here on: the first comment tells the client the stream is live.
    response.write(`retry: 3000\n: resuming after ${lastSent}\n\n`);
    // Events committed between the start id and LISTEN taking effect: read once now.
    await pump();
  }

  return { handle, clientCount: () => clients };
}
