/**
 * Issue 13's "Done when": over every task class x (default, withinOfBest 0.02, 0.05, 0.10: 2, 5, 10 points on the quality scale),
 * on a database filled like a replay, no rank-1 seller is a reseller, gateway, router or
 * free allowance unless asked; asked with sellers "all", they may win again.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../src/api/router.ts";
import { DEFAULT_SELLER_KINDS, sellerEntry, type SellerKind } from "../../src/domain/sellers/catalogue.ts";
import { TASK_IDS } from "../../src/domain/tasks/catalogue.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { fillLikeReplay, rankOneTable, type RankOneRow } from "./rank-one.ts";

const database = useTestDatabase();
const caller = () => createCaller({ db: database().db, connection: database() });
let byDefault: RankOneRow[];

beforeAll(async () => {
  await fillLikeReplay(database().db);
  byDefault = await rankOneTable(caller());
}, 900_000);

describe("rank-1 sellers", () => {
  it("are labs, clouds or established hosts for every task class and bar by default", () => {
    const answered = byDefault.filter((row) => row.seller !== null);
    expect(answered.length).toBeGreaterThan(byDefault.length / 2);
    const outside = answered.filter((row) => !DEFAULT_SELLER_KINDS.has(row.sellerKind as SellerKind));
    expect(outside).toEqual([]);
    for (const row of answered) {
      expect(row.source).toMatch(/\S/);
      expect(row.observedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(["preview", "ga"]).toContain(row.lifecycle);
    }
  });

  it("include resellers again when asked with sellers all, and the named reseller when named", async () => {
    const kinds: string[] = [];
    for (const task of TASK_IDS) {
      const answer = await caller().best({ task, limit: 1, sellers: "all" });
      const top = answer.candidates[0];
      if (top) kinds.push(sellerEntry(top.offering.provider)?.kind ?? "unknown");
    }
    expect(kinds.filter((kind) => !DEFAULT_SELLER_KINDS.has(kind as SellerKind)).length).toBeGreaterThan(0);
    const poe = await caller().best({ task: "coding", providers: ["poe"], limit: 1 });
    expect(poe.candidates.length).toBe(1);
    expect(poe.candidates[0]!.offering.provider).toBe("poe");
  }, 600_000);
});
