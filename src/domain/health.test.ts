import { describe, expect, it } from "vitest";
import type { Db } from "../db/client.ts";
import { databaseProbe } from "./health.ts";

/** A database whose every statement fails as an unreachable server's would, counting the tries. */
function unreachableDb(): { db: Db; statements: () => number } {
  let statements = 0;
  const db = {
    execute: () => {
      statements += 1;
      return Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    },
  } as unknown as Db;
  return { db, statements: () => statements };
}

describe("databaseProbe", () => {
  it("pings a server, once per ttl, and says when it is unreachable", async () => {
    const { db, statements } = unreachableDb();
    const probe = databaseProbe(db, "postgres", { ttlMs: 60_000 });
    expect((await probe.check()).reachable).toBe(false);
    expect((await probe.check()).reachable).toBe(false);
    expect(statements()).toBe(1);
  });

  it("never pings the embedded database: it lives in this process", async () => {
    const { db, statements } = unreachableDb();
    const probe = databaseProbe(db, "pglite");
    expect(await probe.check()).toEqual({ reachable: true });
    expect(statements()).toBe(0);
  });
});
