/** Floating models' pointers: from the reviewed series table, and read from a source's equal prices. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { derivePointersFromEqualPrices, modelPointersOf, pointerAt, syncReviewedPointers, upsertPointers } from "../../src/db/queries/model-pointers.ts";
import { models, offerings, pricePeriods, providers, sources } from "../../src/db/schema/index.ts";
import type { Series } from "../../src/domain/resolve/series.ts";
import { useTestDatabase, withRollback } from "../helpers/database.ts";

const database = useTestDatabase();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("floating models' pointers", () => {
  it("records a floating name's pointer where one source prices it exactly like one dated snapshot", async () => {
    await withRollback(database().db, async (tx) => {
      await tx.insert(sources).values([
        { id: "litellm", kind: "price", authority: "community", description: "LiteLLM" },
        { id: "modelsdev", kind: "price", authority: "community", description: "models.dev" },
      ]);
      await tx.insert(providers).values({ id: "acme", name: "Acme", kind: "lab" });
      const ids = ["acme/widget", "acme/widget-20250101", "acme/widget-20250601"];
      await tx.insert(models).values(ids.map((id) => ({ id, creator: "acme", name: id.slice(5) })));
      const offeringOf = async (modelId: string) => (await tx.insert(offerings).values({ providerId: "acme", modelId }).returning())[0]!.id;
      const [floating, january, june] = [await offeringOf(ids[0]!), await offeringOf(ids[1]!), await offeringOf(ids[2]!)];
      const price = (offeringId: number, sourceId: string, from: string, input: string) => ({ offeringId, sourceId, input, output: "2", validFrom: day(from), lastSeenAt: day("2025-07-01") });
      await tx.insert(pricePeriods).values([
        price(floating, "litellm", "2025-01-01", "1"),
        price(january, "litellm", "2025-01-01", "3"),
        price(june, "litellm", "2025-06-01", "1"),
        // models.dev prices both snapshots alike: it cannot tell which one the name serves.
        price(floating, "modelsdev", "2025-06-01", "1"),
        price(january, "modelsdev", "2025-06-01", "1"),
        price(june, "modelsdev", "2025-06-01", "1"),
      ]);

      // An undated name with several dated snapshots in the catalogue floats.
      await syncReviewedPointers(tx, []);
      const [flagged] = await tx.select().from(models).where(eq(models.id, "acme/widget"));
      expect(flagged!.floating).toBe(true);

      expect(await derivePointersFromEqualPrices(tx)).toBe(1);
      const pointers = await modelPointersOf(tx, "acme/widget");
      expect(pointers).toEqual([expect.objectContaining({ snapshotModelId: "acme/widget-20250601", validFrom: day("2025-06-01"), validTo: null, origin: "litellm" })]);
      expect((await pointerAt(tx, "acme/widget", day("2025-07-01")))?.snapshotModelId).toBe("acme/widget-20250601");
      expect(await pointerAt(tx, "acme/widget", day("2025-03-01"))).toBeNull();
    });
  });

  it("records the reviewed table's pointers, each until the next, and a source cannot overwrite them", async () => {
    await withRollback(database().db, async (tx) => {
      const ids = ["acme/gadget", "acme/gadget-20240101", "acme/gadget-20240901"];
      await tx.insert(models).values(ids.map((id) => ({ id, creator: "acme", name: id.slice(5) })));
      const series: Series[] = [
        {
          name: "acme/gadget",
          floating: true,
          note: "test series",
          snapshots: [],
          datedIn: [],
          pointers: [
            { from: "2024-01-01", to: "acme/gadget-20240101", note: "launch" },
            { from: "2024-09-01", to: "acme/gadget-20240901", note: "moved" },
          ],
        },
      ];
      expect(await syncReviewedPointers(tx, series)).toBe(2);
      const pointers = await modelPointersOf(tx, "acme/gadget");
      expect(pointers.map((p) => [p.snapshotModelId, p.validFrom, p.validTo, p.origin])).toEqual([
        ["acme/gadget-20240101", day("2024-01-01"), day("2024-09-01"), "override"],
        ["acme/gadget-20240901", day("2024-09-01"), null, "override"],
      ]);
      expect((await pointerAt(tx, "acme/gadget", day("2024-05-01")))?.snapshotModelId).toBe("acme/gadget-20240101");
      await upsertPointers(tx, [{ floatingModelId: "acme/gadget", snapshotModelId: "acme/gadget-20240901", validFrom: day("2024-01-01"), validTo: null, origin: "litellm", note: "equal prices" }]);
      expect((await pointerAt(tx, "acme/gadget", day("2024-05-01")))?.snapshotModelId).toBe("acme/gadget-20240101");
    });
  });
});
