/** The fields of a leaderboard submission.json that scores are built from (schema.json of the repo). */
import { z } from "zod";

const domainResultSchema = z
  .object({
    /** Percent of tasks solved; null when the domain was not evaluated. */
    pass_1: z.number().min(0).max(100).nullish(),
    /** Knowledge-base retrieval method (banking_knowledge only). */
    retrieval_config: z.string().nullish(),
  })
  .nullable();

export const submissionSchema = z.object({
  model_name: z.string().min(1),
  model_organization: z.string(),
  submission_date: z.iso.date(),
  /** "custom" modifies prompts, tools, orchestration or the user simulator; legacy files omit it. */
  submission_type: z.enum(["standard", "custom"]).nullish(),
  reasoning_effort: z.string().nullish(),
  voice_config: z
    .object({
      /** Component models of a cascaded ASR -> LLM -> TTS pipeline. */
      pipeline: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
  model_release: z.object({ release_date: z.iso.date().nullish() }).nullish(),
  results: z.record(z.string(), domainResultSchema),
});

export type Submission = z.infer<typeof submissionSchema>;
