/**
 * The identity gold set (issue 11): every raw name in identity-gold.yaml must still be in
 * its snapshot file (so the set cannot drift from the data), and the real resolver, given
 * the source id and the file's date, must put it on its group's model with the setting it
 * states. Fails on any wrong merge (names of two groups on one id, or a must-differ pair
 * sharing an id) and on recall below 97%; prints both figures.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { sourceById } from "../../scrapers/registry.ts";
import { loadOverrides } from "../../src/domain/resolve/overrides.ts";
import { resolveModelName } from "../../src/domain/resolve/resolve.ts";
import { dateInName } from "../../src/jobs/backfill-plan.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const goldSchema = z.object({
  groups: z.array(
    z.object({
      model: z.string(),
      names: z.array(z.object({ source: z.string(), file: z.string(), raw: z.string(), setting: z.string().optional() })).min(1),
    }),
  ),
  mustDiffer: z.array(z.object({ a: z.string(), b: z.string(), why: z.string() })),
});

const gold = goldSchema.parse(parse(readFileSync(new URL("./identity-gold.yaml", import.meta.url), "utf8")));
const overrides = loadOverrides();

/** Settings compare without case or spaces: "Non-reasoning, High Effort" = "non-reasoning,higheffort". */
const settingKey = (setting: string | null | undefined) => (setting ?? "").toLowerCase().replace(/\s+/g, "");

const bodies = new Map<string, string>();
function fileBody(file: string): string {
  if (!bodies.has(file)) bodies.set(file, readFileSync(snapshotPath(file), "utf8"));
  return bodies.get(file)!;
}

interface Resolved {
  group: number;
  source: string;
  raw: string;
  expected: string;
  expectedSetting: string;
  modelId: string | null;
  setting: string;
}

const resolved: Resolved[] = gold.groups.flatMap((group, index) =>
  group.names.map(({ source, file, raw, setting }) => {
    const day = dateInName(file);
    const result = resolveModelName(source, raw, overrides, {
      orgIsAuthor: sourceById(source).namesHaveAuthors ?? false,
      at: day ? new Date(`${day}T00:00:00Z`) : undefined,
    });
    return { group: index, source, raw, expected: group.model, expectedSetting: settingKey(setting), modelId: result.modelId, setting: settingKey(result.setting) };
  }),
);

/** "model" (any setting) or "model @setting" ("@" alone: no setting) -> the names on that side of a pair. */
function side(spec: string): { names: Resolved[]; withSetting: boolean } {
  const [model, setting] = spec.split(" @");
  const names = resolved.filter((entry) => entry.expected === model && (setting === undefined || entry.expectedSetting === settingKey(setting)));
  return { names, withSetting: setting !== undefined };
}

describe("identity gold set", () => {
  it("is wide enough: 400+ names from 12+ sources, prices and benchmarks, 60+ must-differ pairs", () => {
    const sources = new Set(resolved.map((entry) => entry.source));
    const kinds = new Set([...sources].map((id) => sourceById(id).kind));
    expect(resolved.length).toBeGreaterThanOrEqual(400);
    expect(sources.size).toBeGreaterThanOrEqual(12);
    expect(kinds).toEqual(new Set(["price", "benchmark"]));
    expect(gold.mustDiffer.length).toBeGreaterThanOrEqual(60);
    expect(new Set(gold.groups.map((group) => group.model)).size).toBe(gold.groups.length);
  });

  it("holds only strings that are in their snapshot files", () => {
    const missing = gold.groups.flatMap((group) =>
      group.names.filter(({ file, raw }) => {
        const body = fileBody(file);
        return !body.includes(raw) && !body.includes(JSON.stringify(raw).slice(1, -1));
      }),
    );
    expect(missing).toEqual([]);
  });

  it("never merges two models, and keeps every must-differ pair apart", () => {
    const groupsById = new Map<string, Set<number>>();
    for (const entry of resolved) if (entry.modelId) groupsById.set(entry.modelId, (groupsById.get(entry.modelId) ?? new Set()).add(entry.group));
    const wrongMerges = [...groupsById]
      .filter(([, groups]) => groups.size > 1)
      .map(([id, groups]) => `${id} <- ${[...groups].map((group) => gold.groups[group]!.model).join(" + ")}`);

    const pairMerges: string[] = [];
    for (const { a, b } of gold.mustDiffer) {
      const left = side(a);
      const right = side(b);
      expect(left.names.length, `no gold names for ${a}`).toBeGreaterThan(0);
      expect(right.names.length, `no gold names for ${b}`).toBeGreaterThan(0);
      const bySetting = left.withSetting || right.withSetting;
      const key = (entry: Resolved) => (bySetting ? `${entry.modelId} @${entry.setting}` : `${entry.modelId}`);
      const leftKeys = new Set(left.names.filter((entry) => entry.modelId).map(key));
      const shared = right.names.filter((entry) => entry.modelId && leftKeys.has(key(entry)));
      if (shared.length > 0) pairMerges.push(`${a} = ${b} (${shared.map((entry) => entry.raw).join(", ")})`);
    }

    console.log(`identity gold: ${wrongMerges.length} wrong merges, ${pairMerges.length} must-differ pairs merged (of ${gold.mustDiffer.length})`);
    expect(wrongMerges).toEqual([]);
    expect(pairMerges).toEqual([]);
  });

  it("resolves at least 97% of names to their group's model with the setting they state", () => {
    const wrong = resolved.filter((entry) => entry.modelId !== entry.expected || entry.setting !== entry.expectedSetting);
    const recall = (resolved.length - wrong.length) / resolved.length;
    const sources = new Set(resolved.map((entry) => entry.source)).size;
    console.log(
      `identity gold: recall ${(recall * 100).toFixed(1)}% (${resolved.length - wrong.length}/${resolved.length} names, ${gold.groups.length} models, ${sources} sources)`,
    );
    for (const entry of wrong) {
      console.log(`  miss ${entry.source} "${entry.raw}" -> ${entry.modelId} [${entry.setting}], expected ${entry.expected} [${entry.expectedSetting}]`);
    }
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });
});
