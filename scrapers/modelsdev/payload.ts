/** Reads the models.dev JSON body against a zod schema, failing the run with the first few mismatches. */
import type { z } from "zod";
import { readJsonDocument, type PayloadDocument } from "../source.ts";

export const MODELSDEV_SOURCE_ID = "modelsdev";

export function readModelsDevJson<T>(document: PayloadDocument, schema: z.ZodType<T>): T {
  return readJsonDocument(MODELSDEV_SOURCE_ID, document, schema);
}
