import { describe, expect, it } from "vitest";
import { summariseByClass, type HeldOutResult } from "./eval-summary.ts";

const row = (task: string, newSpearman: number, oldSpearman: number, newPairs = newSpearman, oldPairs = oldSpearman): HeldOutResult => ({ task, newSpearman, oldSpearman, newPairs, oldPairs });

describe("the validation's per-class summary", () => {
  const results = [row("legal", 0.9, 0.7), row("legal", 0.6, 0.8), row("legal", 0.5, 0.5), row("chat", 0.8, 0.6), row("chat", Number.NaN, 0.4)];
  const [legal, chat, overall] = summariseByClass(results);

  it("gives each class its own wins and medians, then the overall line", () => {
    expect([legal!.scope, chat!.scope, overall!.scope]).toEqual(["legal", "chat", "overall"]);
    expect([legal!.newWins, legal!.percentileWins, legal!.ties, legal!.benchmarks]).toEqual([1, 1, 1, 3]);
    expect(legal!.medianSpearman).toEqual({ new: 0.6, percentile: 0.7 });
    expect(overall!.benchmarks).toBe(results.length);
  });

  it("counts wins that add up over the classes, and leaves undefined correlations out of the medians", () => {
    expect(legal!.newWins + chat!.newWins).toBe(overall!.newWins);
    expect(chat!.medianSpearman.new).toBe(0.8);
    expect(chat!.medianPairs.percentile).toBe(0.5);
  });
});
