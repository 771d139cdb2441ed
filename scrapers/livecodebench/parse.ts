/**
 * performances_generation.json (one row per model x problem) -> one mean pass@1 per model
 * and catalogued window. The model is the API id `model_name` ("o3-mini-2025-01-31__low");
 * the effort after "__" or the display name's parenthesis ("(Thinking)") is the setting.
 */
import { z } from "zod";
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, readJsonDocument, singleDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { LCB_WINDOWS, type LcbWindow } from "./window.ts";

export const LIVECODEBENCH_SOURCE_ID = "livecodebench";

const fileSchema = z.object({
  performances: z.array(z.object({ question_id: z.string(), model: z.string(), date: z.number(), "pass@1": z.number().min(0).max(100) })).min(1),
  models: z.array(z.object({ model_name: z.string().min(1), model_repr: z.string().min(1), release_date: z.number() })).min(1),
});
type LcbModel = z.infer<typeof fileSchema>["models"][number];

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** API aliases that float to the vendor's newest model: the display name says which one ran. */
const FLOATING_ALIASES: ReadonlySet<string> = new Set(["deepseek-chat", "deepseek-reasoner"]);

/** "o3-mini-2025-01-31__low" -> o3-mini-2025-01-31 + low; "Claude-3.7-Sonnet (Thinking)" -> thinking. */
export function lcbModelAndSetting(model: LcbModel): { name: string; setting: string | null } {
  const [name, effort] = model.model_name.split("__");
  const parenthesis = /\(([^()]+)\)\s*$/.exec(model.model_repr)?.[1]?.toLowerCase() ?? null;
  const base = FLOATING_ALIASES.has(name!) ? model.model_repr.replace(/\s*\([^()]*\)\s*$/, "") : name!;
  return { name: base, setting: effort ?? parenthesis };
}

function windowObservations(file: z.infer<typeof fileSchema>, window: LcbWindow, document: PayloadDocument): ParseResult<ScoreObservation> {
  const inWindow = file.performances.filter((row) => dayOf(row.date) >= window.from && dayOf(row.date) <= window.to);
  const problems = new Set(inWindow.map((row) => row.question_id));
  if (problems.size === 0) throw new PayloadError(LIVECODEBENCH_SOURCE_ID, `no problem dated ${window.from} to ${window.to}`, document.name);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const model of file.models) {
    const rows = inWindow.filter((row) => row.model === model.model_repr);
    const label = `${window.definition.id}/${model.model_repr}`;
    if (dayOf(model.release_date) >= window.from) {
      skipped.push({ name: label, reason: `contamination cut-off ${dayOf(model.release_date)} is not before the window (${window.from})` });
    } else if (new Set(rows.map((row) => row.question_id)).size !== problems.size || rows.length !== problems.size) {
      skipped.push({ name: label, reason: `results for ${rows.length} of the window's ${problems.size} problems` });
    } else {
      const { name, setting } = lcbModelAndSetting(model);
      observations.push({
        benchmark: window.definition.id,
        model: name,
        setting,
        score: rows.reduce((sum, row) => sum + row["pass@1"], 0) / rows.length,
        scale: "percent",
        ciLower: null,
        ciUpper: null,
        votes: null,
        asOf: window.to,
        costUsd: null,
        hints: { displayName: model.model_repr },
      });
    }
  }
  return { observations, skipped };
}

export function parseLiveCodeBench(documents: readonly PayloadDocument[]): ParseResult<ScoreObservation> {
  const document = singleDocument(LIVECODEBENCH_SOURCE_ID, documents);
  const file = readJsonDocument(LIVECODEBENCH_SOURCE_ID, document, fileSchema);
  const results = LCB_WINDOWS.map((window) => windowObservations(file, window, document));
  const observations = results.flatMap((result) => result.observations);
  if (observations.length === 0) throw new PayloadError(LIVECODEBENCH_SOURCE_ID, "no model has results for a whole catalogued window", document.name);
  return { observations, skipped: results.flatMap((result) => result.skipped) };
}
