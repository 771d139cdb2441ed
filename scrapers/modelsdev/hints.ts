/** Catalogue facts models.dev states next to a price. */
import { z } from "zod";
import type { ModelHints } from "../../src/domain/observation.ts";
import { positiveInteger } from "../openrouter/hints.ts";
import type { ModelsDevModel } from "./schema.ts";

const isoDate = z.iso.date();

/** models.dev sometimes gives only a month ("2025-01"): no day is known, so no release date. */
function releaseDateOf(raw: string | null | undefined): string | null {
  const parsed = isoDate.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function modelsDevHints(model: ModelsDevModel): ModelHints {
  return {
    displayName: model.name || null,
    family: model.family || null,
    releaseDate: releaseDateOf(model.release_date),
    openWeights: model.open_weights ?? null,
    contextWindow: positiveInteger(model.limit?.context),
    maxOutputTokens: positiveInteger(model.limit?.output),
  };
}
