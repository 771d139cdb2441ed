import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { useTestDatabase } from "../helpers/database.ts";

const database = useTestDatabase();
let http: RunningServer;
let base: string;

beforeAll(async () => {
  const connection = database();
  http = await startHttpServer({ db: connection.db, connection }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
});
afterAll(() => http.close());

describe("HTTP server", () => {
  it("serves /healthz with the database kind and migration state", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    // No source has run yet: degraded, and still 200 (see test/api/health-metrics.test.ts).
    expect(body).toMatchObject({
      status: "degraded",
      database: { kind: database().kind, reachable: true },
      migrations: { upToDate: true },
    });
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  it("serves the tRPC health procedure at /trpc", async () => {
    const response = await fetch(`${base}/trpc/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.result.data.status).toBe("degraded");
  });

  it("answers 404 with a message for unknown paths and procedures", async () => {
    const unknownPath = await fetch(`${base}/nope`);
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.json()).toEqual({ error: "no route for /nope" });
    const unknownProcedure = await fetch(`${base}/trpc/nope`);
    expect(unknownProcedure.status).toBe(404);
  });
});
