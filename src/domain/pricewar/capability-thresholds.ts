/** Loads the reviewed default thresholds of pricewar.costOfCapability (capability-thresholds.yaml beside this module). */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

export const capabilityThresholdSchema = z.object({
  benchmark: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a benchmark id"),
  threshold: z.number().finite(),
  /** Short name of the bar, e.g. "GPT-4o level". */
  label: z.string().min(1),
  /** Why this score is a meaningful bar, with the scores it was read from. */
  reason: z.string().min(1),
});
export type CapabilityThreshold = z.infer<typeof capabilityThresholdSchema>;

const THRESHOLDS_FILE = new URL("./capability-thresholds.yaml", import.meta.url);

let cached: CapabilityThreshold[] | undefined;

export function loadCapabilityThresholds(): CapabilityThreshold[] {
  cached ??= z
    .array(capabilityThresholdSchema)
    .min(1)
    .parse(parse(readFileSync(THRESHOLDS_FILE, "utf8")));
  return cached;
}
