/**
 * Replay mode's source -> snapshot mapping, checked against the recorded snapshots: every
 * source's newest payload parses, the layouts match the files, and the README table is
 * the one generated from the registry.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SOURCES } from "../../scrapers/registry.ts";
import type { ParseResult } from "../../scrapers/source.ts";
import { dateInName } from "../../src/jobs/backfill-plan.ts";
import { planReplay, replayPathsLoader, replayTableMarkdown, type ReplayPlan } from "../../src/jobs/replay-map.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";
import { SNAPSHOTS_ROOT } from "../helpers/snapshots.ts";

let plans: ReplayPlan[];
beforeAll(async () => {
  plans = await Promise.all(SOURCES.map((source) => planReplay(SNAPSHOTS_ROOT, source)));
});
const planOf = (id: string) => plans.find((plan) => plan.sourceId === id)!;

describe("replay map", () => {
  it.each(SOURCES.map((source) => [source.id, source] as const))("replays a payload of %s that its parser reads", async (_id, source) => {
    const plan = planOf(source.id);
    const documents = await replayPathsLoader(SNAPSHOTS_ROOT, plan.latest)(source);
    const result: ParseResult<unknown> = source.parse(documents as never, { observedAt: new Date() });
    expect(result.observations.length).toBeGreaterThan(0);
  });

  it("reads a dated folder as a history whose newest entry is what the source's replayPaths name", () => {
    for (const plan of plans.filter((candidate) => candidate.layout.kind === "dated-folder")) {
      const [named] = SOURCES.find((source) => source.id === plan.sourceId)!.replayPaths!;
      const newest = plan.latest[0]!;
      expect(plan.history.length, plan.sourceId).toBeGreaterThanOrEqual(2);
      expect(plan.layout.kind === "dated-folder" && (named === plan.layout.dir || named === newest || named!.startsWith(`${newest}/`)), plan.sourceId).toBe(true);
    }
  });

  it("reads several dated paths of one page as versions, oldest first", () => {
    for (const plan of plans.filter((candidate) => candidate.layout.kind === "dated-files")) {
      const dates = plan.history.map((entry) => entry.date);
      expect(dates.length, plan.sourceId).toBeGreaterThanOrEqual(2);
      expect([...dates].sort(), plan.sourceId).toEqual(dates);
      expect(plan.latest, plan.sourceId).toEqual([plan.history.at(-1)!.name]);
    }
  });

  it("reads no more files as one payload than a live run fetches URLs (more are versions)", () => {
    for (const plan of plans.filter((candidate) => candidate.layout.kind === "payload" && candidate.latest.length > 1)) {
      expect(plan.latest.length, plan.sourceId).toBeLessThanOrEqual(SOURCES.find((source) => source.id === plan.sourceId)!.urls.length);
    }
  });

  it("never reads a folder of nothing but dated entries as one payload (it would be a history)", () => {
    for (const plan of plans.filter((candidate) => candidate.layout.kind === "payload")) {
      for (const path of plan.latest) {
        const full = join(SNAPSHOTS_ROOT, path);
        if (!statSync(full).isDirectory()) continue;
        const entries = readdirSync(full).filter((name) => !/^(\.|provenance\.md$|readme\.md$)/i.test(name));
        expect(entries.some((name) => dateInName(name) === null), `${plan.sourceId}: ${path}`).toBe(true);
      }
    }
  });

  it("is documented in the README by the table generated from the registry", () => {
    const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
    expect(readme, `README.md should hold this table:\n\n${replayTableMarkdown(plans)}\n`).toContain(replayTableMarkdown(plans));
  });
});
