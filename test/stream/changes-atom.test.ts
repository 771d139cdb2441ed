import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { insertChanges, seedOfferings } from "./change-fixtures.ts";

const database = useTestDatabase();
let http: RunningServer;
let written: number[];

beforeAll(async () => {
  const connection = database();
  const fixture = await seedOfferings(connection.db);
  written = await insertChanges(connection.db, fixture, 6);
  http = await startHttpServer({ db: connection.db, connection }, 0, "127.0.0.1");
});

afterAll(async () => {
  await http?.close();
});

describe("/feeds/changes.atom", () => {
  it("is an Atom feed of the newest changes matching the stream's filters", async () => {
    const response = await fetch(`http://127.0.0.1:${http.port}/feeds/changes.atom?kind=cut&seller=acme`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const $ = cheerio.load(await response.text(), { xml: true });
    expect($("feed").attr("xmlns")).toBe("http://www.w3.org/2005/Atom");
    const entries = $("entry").toArray().map((entry) => ({ id: $(entry).find("id").text(), title: $(entry).find("title").text(), summary: $(entry).find("summary").text() }));
    const cuts = written.filter((_, index) => index % 2 === 0).reverse();
    expect(entries.map((entry) => entry.id)).toEqual(cuts.map((id) => `tag:pricewar,2024:change-event/${id}`));
    expect(entries[0]?.title).toBe("acme/widget-1 on acme: cut (-10.0%)");
    expect(entries[0]?.summary).toMatch(/source test-source$/);
  });

  it("answers a bad filter with 400 and an unknown model with 404", async () => {
    expect((await fetch(`http://127.0.0.1:${http.port}/feeds/changes.atom?minPct=lots`)).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${http.port}/feeds/changes.atom?model=no-such-model-anywhere`)).status).toBe(404);
  });
});
