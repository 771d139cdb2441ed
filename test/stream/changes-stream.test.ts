/**
 * The change stream over HTTP on a migrated database (PGlite, or the server named by
 * TEST_DATABASE_URL): filters, resume after a disconnect by Last-Event-ID with exactly
 * the missed events, live delivery woken by the trigger's NOTIFY (the safety poll is
 * set to a minute, so it cannot be what delivers), heartbeats, the client cap.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { openDatabase } from "../../src/db/client.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { insertChanges, maxChangeId, seedOfferings, type ChangeFixture } from "./change-fixtures.ts";
import { SseReader } from "./sse-client.ts";

const database = useTestDatabase();
let http: RunningServer;
let fixture: ChangeFixture;
const openStreams: AbortController[] = [];

beforeAll(async () => {
  const connection = database();
  fixture = await seedOfferings(connection.db);
  http = await startHttpServer({ db: connection.db, connection }, 0, "127.0.0.1", undefined, { changeStream: { maxClients: 3, heartbeatMs: 150, pollMs: 60_000 } });
});

afterAll(async () => {
  openStreams.forEach((controller) => controller.abort());
  await http?.close();
});

async function connect(query: string, lastEventId?: number): Promise<{ reader: SseReader; close: () => void; response: Response }> {
  const controller = new AbortController();
  openStreams.push(controller);
  const response = await fetch(`http://127.0.0.1:${http.port}/api/v1/changes/stream${query}`, {
    signal: controller.signal,
    headers: lastEventId === undefined ? {} : { "last-event-id": String(lastEventId) },
  });
  return { reader: new SseReader(response), close: () => controller.abort(), response };
}

const ids = (reader: SseReader) => reader.events().map((event) => Number(event.id));
const writeChanges = (count: number) => database().db.transaction((tx) => insertChanges(tx, fixture, count));

describe("GET /api/v1/changes/stream", () => {
  it("resumes after a disconnect with exactly the missed events, then goes on live", async () => {
    const first = await connect("?kind=cut");
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await first.reader.waitFor((messages) => messages.some((message) => message.comment?.startsWith("resuming after")));

    const before = await writeChanges(4); // cuts at 0 and 2
    await first.reader.waitFor(() => first.reader.events().length === 2);
    expect(ids(first.reader)).toEqual([before[0], before[2]]);
    const change = JSON.parse(first.reader.events()[0]!.data!);
    expect(change).toMatchObject({ id: before[0], kind: "price", direction: "cut", model: "acme/widget-1", seller: "acme", changeRatio: "-0.1" });
    first.close();

    const missed = await writeChanges(6); // cuts at 0, 2, 4
    const resumed = await connect("?kind=cut", before[2]);
    await resumed.reader.waitFor(() => resumed.reader.events().length >= 3);
    const live = await writeChanges(2); // one cut
    await resumed.reader.waitFor(() => resumed.reader.events().length >= 4);
    // A little longer: nothing else may arrive (no duplicate, nothing outside the filter).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ids(resumed.reader)).toEqual([missed[0], missed[2], missed[4], live[0]]);
    expect(resumed.reader.messages.filter((message) => message.comment === "heartbeat").length).toBeGreaterThan(0);
    resumed.close();
  });

  it("applies seller, direction and minPct filters; a stream without Last-Event-ID starts at the newest event", async () => {
    const hikes = await connect("?seller=hosty&direction=hike&minPct=50");
    const bigCuts = await connect("?minPct=20&kind=cut");
    await hikes.reader.waitFor((messages) => messages.some((message) => message.comment?.startsWith("resuming after")));
    await bigCuts.reader.waitFor((messages) => messages.some((message) => message.comment?.startsWith("resuming after")));
    const written = await writeChanges(4);
    await hikes.reader.waitFor(() => hikes.reader.events().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ids(hikes.reader)).toEqual([written[1], written[3]]);
    expect(bigCuts.reader.events()).toEqual([]); // cuts are 10%
    hikes.close();
    bigCuts.close();
  });

  it("sends nothing from a rolled-back write", async () => {
    const stream = await connect("");
    await stream.reader.waitFor((messages) => messages.some((message) => message.comment?.startsWith("resuming after")));
    const last = await maxChangeId(database().db);
    await database()
      .db.transaction(async (tx) => {
        await insertChanges(tx, fixture, 2);
        throw new Error("the run failed");
      })
      .catch(() => undefined);
    const kept = await writeChanges(1);
    await stream.reader.waitFor(() => stream.reader.events().length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ids(stream.reader)).toEqual(kept);
    expect(kept[0]).toBeGreaterThan(last);
    stream.close();
  });

  it("hears changes written by another instance (its own connection on the server database) by NOTIFY, before any poll", async () => {
    const connection = database();
    // Another instance: its own database connection and its own HTTP server (PGlite: the one embedded database).
    const other = connection.url ? await openDatabase({ databaseUrl: connection.url, maxConnections: 2 }) : connection;
    const otherHttp = await startHttpServer({ db: other.db, connection: other }, 0, "127.0.0.1", undefined, { changeStream: { pollMs: 60_000 } });
    try {
      const response = await fetch(`http://127.0.0.1:${otherHttp.port}/api/v1/changes/stream?seller=acme`, { signal: AbortSignal.timeout(30_000) });
      const reader = new SseReader(response);
      await reader.waitFor((messages) => messages.some((message) => message.comment?.startsWith("resuming after")));
      const written = await writeChanges(2); // written through the first instance's connection
      // Its safety poll runs once a minute: an event within 20 s came by NOTIFY.
      await reader.waitFor(() => reader.events().length === 1, 20_000);
      expect(ids(reader)).toEqual([written[0]]);
    } finally {
      await otherHttp.close();
      if (other !== connection) await other.close();
    }
  });

  it("refuses clients past its cap with 503, and bad filters with a clear error", async () => {
    const open = await Promise.all([connect(""), connect(""), connect("")]);
    await Promise.all(open.map(({ reader }) => reader.waitFor((messages) => messages.length > 0)));
    const fourth = await fetch(`http://127.0.0.1:${http.port}/api/v1/changes/stream`);
    expect(fourth.status).toBe(503);
    expect(fourth.headers.get("retry-after")).toBe("30");
    open.forEach(({ close }) => close());

    const unknown = await fetch(`http://127.0.0.1:${http.port}/api/v1/changes/stream?model=no-such-model-anywhere`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/^model "no-such-model-anywhere" not found/);
    const kind = await fetch(`http://127.0.0.1:${http.port}/api/v1/changes/stream?kind=sideways`);
    expect(kind.status).toBe(400);
    const resume = await fetch(`http://127.0.0.1:${http.port}/api/v1/changes/stream`, { headers: { "last-event-id": "abc" } });
    expect(resume.status).toBe(400);
  });
});
