/** Output schemas of the `models` procedures. */
import { z } from "zod";
import { decimal, lifecycle, modelTier, timestamp } from "./common.ts";

const modelFields = {
  id: z.string().describe("canonical model id, <creator>/<name>, e.g. openai/gpt-4o"),
  creator: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  family: z.string().nullable(),
  releaseDate: z.string().nullable().describe("YYYY-MM-DD"),
  openWeights: z.boolean().nullable(),
  parameters: decimal.nullable().describe("parameter count in billions, where known"),
  contextWindow: z.number().nullable().describe("tokens"),
  maxOutputTokens: z.number().nullable(),
  tier: modelTier.nullable(),
  floating: z.boolean().describe("a name that moves between dated snapshots (e.g. gpt-4o)"),
};

export const modelRecord = z.object({ ...modelFields, createdAt: timestamp, updatedAt: timestamp });

export const modelsListOutput = z.array(z.object({ ...modelFields, offerings: z.number().describe("offerings with a current price") }));

export const modelsGetOutput = modelRecord.extend({
  lifecycle: lifecycle.describe("the model's stage today (its maker's offering), with what it rests on"),
  aliases: z.array(
    z.object({
      source: z.string(),
      rawName: z.string(),
      method: z.enum(["override", "exact", "normalised", "unmatched"]),
      setting: z.string(),
      lastSeenAt: timestamp,
    }),
  ),
  offerings: z.array(z.object({ provider: z.string(), variant: z.string(), region: z.string(), nativeId: z.string().nullable() })),
  pointers: z.array(z.object({ snapshot: z.string(), validFrom: timestamp, validTo: timestamp.nullable(), origin: z.string() })),
});

export const modelsResolveOutput = z.union([
  z.object({
    model: modelRecord,
    method: z.enum(["id", "override", "exact", "normalised", "alias"]),
    setting: z.string().nullable(),
    floating: z.boolean(),
    pinnedTo: z.string().nullable().describe("for a floating name: the snapshot it meant at the date"),
    reason: z.string(),
  }),
  z.object({ model: z.null(), method: z.literal("unmatched"), reason: z.string() }),
]);

export const modelsAuditOutput = z.object({
  models: z.number(),
  nearDuplicates: z.array(z.object({ kind: z.enum(["date", "spelling"]), key: z.string(), ids: z.array(z.string()) })),
  sellerAsCreator: z.array(z.object({ id: z.string(), seller: z.string(), sellerKind: z.string().nullable(), familyCreator: z.string() })),
  settingAsModel: z.array(z.object({ id: z.string(), base: z.string(), setting: z.string() })),
  unmatched: z.array(z.object({ sources: z.array(z.string()), reason: z.string(), names: z.number(), examples: z.array(z.string()) })),
});
