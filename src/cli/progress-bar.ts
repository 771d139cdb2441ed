/**
 * A one-line progress bar on a terminal (`pricewar reprice`): bytes read of a file's size
 * and lines done, redrawn at most every 200 ms and erased at the end. Off when the output
 * is not a terminal (a pipe, a log file, a test), so nothing but the answer is written.
 */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): boolean;
}

export interface ProgressBar {
  update(done: number, lines: number): void;
  finish(): void;
}

const WIDTH = 30;
const REDRAW_MS = 200;

export function progressBar(total: number, output: ProgressOutput = process.stderr, now: () => number = Date.now): ProgressBar {
  if (!output.isTTY || total === 0) return { update: () => {}, finish: () => {} };
  let last: number | undefined;
  return {
    update(done, lines) {
      const at = now();
      if (last !== undefined && at - last < REDRAW_MS) return;
      last = at;
      const share = Math.min(1, done / total);
      const filled = Math.round(share * WIDTH);
      output.write(`\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${lines.toLocaleString("en")} lines`);
    },
    finish: () => void (last !== undefined && output.write("\r\x1b[K")),
  };
}
