/** Loads the reviewed overrides file (overrides.yaml beside this module). */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

export const overrideSchema = z.object({
  raw: z.string().min(1),
  source: z.string().optional(),
  model: z.string().regex(/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._:-]*$/, "canonical id <creator>/<name>").nullable(),
  /** The setting the raw name states, where the normaliser cannot split it ("diff, no think"). */
  setting: z.string().min(1).optional(),
  note: z.string().min(1),
});
export type Override = z.infer<typeof overrideSchema>;

const OVERRIDES_FILE = new URL("./overrides.yaml", import.meta.url);

let cached: Override[] | undefined;

export function loadOverrides(): Override[] {
  cached ??= z.array(overrideSchema).parse(parse(readFileSync(OVERRIDES_FILE, "utf8")));
  return cached;
}
