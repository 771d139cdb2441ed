/**
 * One filter, three readers: a webhook subscription's outbox (filled by the trigger in
 * SQL), the change stream's page (changesAfter) and the Atom feed's (latestChanges)
 * select the same events for every filter of the README (model, seller, direction,
 * minPct, kind: cut, hike, listed, delisted), and those are the events the filter's
 * meaning picks.
 */
import * as cheerio from "cheerio";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { changesAfter, lastChangeId, latestChanges } from "../../src/db/queries/change-feed.ts";
import { createSubscription } from "../../src/db/queries/webhooks.ts";
import { models, offerings, webhookOutbox } from "../../src/db/schema/index.ts";
import type { ChangeFilter } from "../../src/domain/changes/change-filter.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { insertEvents, seedOfferings, type EventSpec } from "./change-fixtures.ts";

const database = useTestDatabase();
let http: RunningServer;

const FILTERS: ChangeFilter[] = [
  {},
  { modelId: "acme/widget-2" },
  { seller: "hosty" },
  { direction: "cut" },
  { direction: "mixed" },
  { kind: "cut" },
  { kind: "hike" },
  { kind: "listed" },
  { kind: "delisted" },
  { minPct: 20 },
  { minPct: 0 },
  { seller: "hosty", kind: "hike", minPct: 20 },
  { modelId: "acme/widget-1", direction: "cut", minPct: 10 },
];

interface Written extends EventSpec {
  id: number;
  model: string;
  seller: string;
}

/** What the filter means, as the README states it. */
function matches(filter: ChangeFilter, event: Written): boolean {
  if (filter.modelId && event.model !== filter.modelId) return false;
  if (filter.seller && event.seller !== filter.seller) return false;
  if (filter.direction && (event.direction ?? "none") !== filter.direction) return false;
  if ((filter.kind === "cut" || filter.kind === "hike") && !(event.kind === "price" && event.direction === filter.kind)) return false;
  if ((filter.kind === "listed" || filter.kind === "delisted") && event.kind !== filter.kind) return false;
  if (filter.minPct !== undefined && (event.changeRatio == null || Math.abs(Number(event.changeRatio)) * 100 < filter.minPct)) return false;
  return true;
}

let written: Written[] = [];
let subscriptions: number[] = [];
let before = 0;

beforeAll(async () => {
  const { db } = database();
  const fixture = await seedOfferings(db);
  await db.insert(models).values({ id: "acme/widget-2", creator: "acme", name: "widget-2" });
  const [widget2] = await db.insert(offerings).values({ providerId: "hosty", modelId: "acme/widget-2" }).returning({ id: offerings.id });
  subscriptions = [];
  for (const [index, filter] of FILTERS.entries()) subscriptions.push((await createSubscription(db, { url: `http://127.0.0.1:9/${index}`, secret: "whsec_test", filter })).id);
  before = await lastChangeId(db);

  const lab = { offeringId: fixture.labOffering, model: "acme/widget-1", seller: "acme" };
  const host = { offeringId: fixture.hostOffering, model: "acme/widget-1", seller: "hosty" };
  const second = { offeringId: widget2!.id, model: "acme/widget-2", seller: "hosty" };
  const specs: Array<Omit<Written, "id">> = [
    { ...lab, kind: "price", direction: "cut", changeRatio: "-0.05" },
    { ...lab, kind: "price", direction: "cut", changeRatio: "-0.3" },
    { ...host, kind: "price", direction: "hike", changeRatio: "0.5" },
    { ...host, kind: "price", direction: "mixed", changeRatio: "0.02" },
    { ...second, kind: "listed" },
    { ...lab, kind: "price", direction: "none", changeRatio: "0" },
    { ...second, kind: "price", direction: "cut", changeRatio: "-0.6" },
    { ...host, kind: "price", direction: "hike", changeRatio: "0.1" },
    { ...second, kind: "delisted" },
    { ...host, kind: "price", direction: "cut", changeRatio: "-0.2" },
  ];
  const ids = await db.transaction((tx) => insertEvents(tx, specs));
  written = specs.map((spec, index) => ({ ...spec, id: ids[index]! }));
  http = await startHttpServer({ db, connection: database() }, 0, "127.0.0.1");
});

afterAll(() => http?.close());

describe("change filters", () => {
  it("pick the same events for a webhook subscription, the change stream and the Atom feed: those the filter means", async () => {
    const { db } = database();
    const counts: string[] = [];
    for (const [index, filter] of FILTERS.entries()) {
      const expected = written.filter((event) => matches(filter, event)).map((event) => event.id);
      const outbox = (await db.select({ id: webhookOutbox.changeEventId }).from(webhookOutbox).where(eq(webhookOutbox.subscriptionId, subscriptions[index]!))).map((row) => row.id).sort((a, b) => a - b);
      const stream = (await changesAfter(db, filter, before, 1000)).map((change) => change.id);
      const feed = (await latestChanges(db, filter, 1000)).map((change) => change.id).reverse();
      const label = JSON.stringify(filter);
      expect(outbox, `webhook ${label}`).toEqual(expected);
      expect(stream, `stream ${label}`).toEqual(expected);
      expect(feed, `atom ${label}`).toEqual(expected);
      counts.push(`${label}: ${expected.length}`);
    }
    // Each filter picks some events, and the filters pick different sets.
    expect(counts.filter((count) => count.endsWith(": 0"))).toEqual([]);
    expect(new Set(counts.map((count) => count.split(": ")[1])).size).toBeGreaterThan(3);
  });

  it("take the model by name over HTTP: the Atom feed of a model's listings", async () => {
    const response = await fetch(`http://127.0.0.1:${http.port}/feeds/changes.atom?model=acme/widget-2&kind=listed`);
    expect(response.status).toBe(200);
    const $ = cheerio.load(await response.text(), { xml: true });
    const listed = written.filter((event) => event.model === "acme/widget-2" && event.kind === "listed");
    expect($("entry > id").toArray().map((entry) => $(entry).text())).toEqual(listed.map((event) => `tag:pricewar,2024:change-event/${event.id}`));
    expect($("entry > title").first().text()).toBe("acme/widget-2 on hosty: listed");
  });
});
