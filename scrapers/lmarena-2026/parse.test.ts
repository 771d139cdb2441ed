import { describe, expect, it } from "vitest";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { lmarena2026Source } from "./index.ts";

const context = { observedAt: new Date("2026-12-01T00:00:00Z") };
const FILES: Array<[file: string, observations: number, board: string]> = [
  ["smallai.leaderboard-text-style-control.2026-02-27.eeff8dc.json", 7710, "lmarena-text-style-control"],
  ["smallai.leaderboard-text-style-control.2026-04-30.5bad504.json", 8660, "lmarena-text-style-control"],
  ["smallai.leaderboard-text-style-control.2026-07-08.fa9be56.json", 9147, "lmarena-text-style-control"],
  ["smallai.leaderboard-text.2026-07-08.fa9be56.json", 9147, "lmarena-text"],
];
const parseFile = (file: string) => lmarena2026Source.parse([snapshotDocument("benchmarks/lmarena-2026", file)], context);

describe("lmarena-2026", () => {
  it.each(FILES)("reads %s: its ratings on 27 dated benchmarks, the two stale categories skipped", (file, count, board) => {
    const { observations, skipped } = parseFile(file);
    const date = /\d{4}-\d{2}-\d{2}/.exec(file)![0];
    expect(observations).toHaveLength(count);
    // no_refusal + no_short: 282 models each, carried over from 2025-12-17.
    expect(skipped).toHaveLength(564);
    expect(skipped.every((entry) => /carried over unchanged from arena-catalog 2025-12-17/.test(entry.reason))).toBe(true);
    const benchmarks = new Set(observations.map((observation) => observation.benchmark));
    expect(benchmarks.size).toBe(27);
    for (const id of benchmarks) expect(id.startsWith(board) && id.endsWith(`-${date}`), id).toBe(true);
    expect(observations.every((observation) => observation.asOf === date && observation.scale === "elo")).toBe(true);
  });

  it("never pools two fits: the same category at three dates is three benchmarks, each defined", () => {
    const all = lmarena2026Source.parse(
      FILES.map(([file]) => snapshotDocument("benchmarks/lmarena-2026", file)),
      context,
    ).observations;
    const legal = new Set(all.filter((o) => o.benchmark.startsWith("lmarena-text-style-control-legal-")).map((o) => o.benchmark));
    expect(legal).toEqual(new Set(["lmarena-text-style-control-legal-2026-02-27", "lmarena-text-style-control-legal-2026-04-30", "lmarena-text-style-control-legal-2026-07-08"]));
    const defined = new Set(lmarena2026Source.benchmarks.map((benchmark) => benchmark.id));
    expect(defined.size).toBe(4 * 27);
    expect(all.every((observation) => defined.has(observation.benchmark))).toBe(true);
  });

  it("keeps the page's rating and interval, as read off the files", () => {
    const july = parseFile(FILES[2]![0]).observations;
    expect(july.find((o) => o.benchmark === "lmarena-text-style-control-legal-2026-07-08" && o.model === "claude-fable-5")).toMatchObject({ score: 1523, ciLower: 1491, ciUpper: 1555 });
    expect(july.find((o) => o.benchmark === "lmarena-text-style-control-2026-07-08" && o.model === "claude-opus-4-6-thinking")).toMatchObject({ score: 1504 });
    const february = parseFile(FILES[0]![0]).observations;
    expect(february.find((o) => o.benchmark === "lmarena-text-style-control-2026-02-27" && o.model === "claude-opus-4-6")).toMatchObject({ score: 1504, ciLower: 1497, ciUpper: 1511 });
  });

  it("fails a file that is neither board, and a body that is not the arena-catalog shape", () => {
    expect(() => lmarena2026Source.parse([{ name: "leaderboard-vision.2026-07-08.json", body: "{}" }], context)).toThrow(/not a leaderboard-text/);
    expect(() => lmarena2026Source.parse([{ name: "leaderboard-text.2026-07-08.json", body: '{"full": {"x": {"rating": "high"}}}' }], context)).toThrow(/unexpected layout/);
  });
});
