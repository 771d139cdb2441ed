/** The reprice progress bar: drawn on a terminal only, throttled, erased at the end. */
import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress-bar.ts";

function terminal(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) > 0 };
}

describe("progressBar", () => {
  it("draws bytes read of the file's size and lines done on a terminal, at most every 200 ms, and erases itself", () => {
    const output = terminal(true);
    let clock = 1_000;
    const bar = progressBar(1_000, output, () => clock);
    bar.update(500, 12_345);
    clock += 100;
    bar.update(600, 20_000); // too soon: not drawn
    clock += 100;
    bar.update(1_000, 30_000);
    bar.finish();
    expect(output.writes).toEqual([`\r[${"#".repeat(15)}${"-".repeat(15)}]  50% 12,345 lines`, `\r[${"#".repeat(30)}] 100% 30,000 lines`, "\r\x1b[K"]);
  });

  it("writes nothing when the output is not a terminal or the file is empty", () => {
    for (const [output, total] of [[terminal(false), 1_000], [terminal(true), 0]] as const) {
      const bar = progressBar(total, output);
      bar.update(10, 1);
      bar.finish();
      expect(output.writes).toEqual([]);
    }
  });
});
