/**
 * The body of GET /api/v2/data/llms/models: {status, prompt_options, data: [model]}.
 * Only the fields the parsers read are validated; extra keys are tolerated.
 */
import { z } from "zod";
import type { ModelHints } from "../../src/domain/observation.ts";
import { PayloadError, parseJsonDocument, type PayloadDocument } from "../source.ts";
import { AA_SOURCE_ID } from "./source-id.ts";

const aaModelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  release_date: z.iso.date().nullish(),
  model_creator: z.object({ name: z.string().min(1) }).nullish(),
  evaluations: z.record(z.string(), z.number().nullable()),
  /** USD per 1M tokens; 0 means AA has no price for the model. */
  pricing: z
    .object({
      price_1m_input_tokens: z.number().nullish(),
      price_1m_output_tokens: z.number().nullish(),
    })
    .nullish(),
});

const responseSchema = z.object({ data: z.array(aaModelSchema) });

export type AaModel = z.infer<typeof aaModelSchema>;

/** The one API response of a run, validated; models with one name twice are refused. */
export function readAaModels(documents: readonly PayloadDocument[]): { document: PayloadDocument; models: AaModel[] } {
  const [document, ...others] = documents;
  if (!document) throw new PayloadError(AA_SOURCE_ID, "no payload document");
  if (others.length > 0) throw new PayloadError(AA_SOURCE_ID, `expected one API response, got ${documents.length} documents`);
  const parsed = responseSchema.safeParse(parseJsonDocument(AA_SOURCE_ID, document));
  if (!parsed.success) {
    throw new PayloadError(AA_SOURCE_ID, `not an /llms/models response: ${z.prettifyError(parsed.error)}`, document.name);
  }
  const models = parsed.data.data;
  if (models.length === 0) throw new PayloadError(AA_SOURCE_ID, "response lists no models", document.name);
  const names = new Set<string>();
  for (const model of models) {
    // Observations are keyed by name, so two AA ids sharing one would overwrite each other.
    if (names.has(model.name)) throw new PayloadError(AA_SOURCE_ID, `two models are named "${model.name}"`, document.name);
    names.add(model.name);
  }
  return { document, models };
}

/** What AA states about the model beside its scores and prices. */
export function aaModelHints(model: AaModel): ModelHints {
  return {
    displayName: model.name.trim(),
    creator: model.model_creator?.name ?? null,
    releaseDate: model.release_date ?? null,
  };
}
