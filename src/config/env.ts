/**
 * Configuration from the environment, validated once at start. Empty strings count as
 * unset (so `PORT=` in a .env file means the default, not port 0). A bad value stops the
 * start with a message naming the variable.
 */
import { validateDetailed as validateCron } from "node-cron";
import { z } from "zod";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../api/request-time-limit.ts";

const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUnset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(emptyAsUnset, schema.default(fallback as never));

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const cronExpression = z.string().superRefine((value, ctx) => {
  for (const error of validateCron(value).errors) ctx.addIssue({ code: "custom", message: `not a valid cron expression: ${error.message}` });
});

/** One source's schedule as configured: any field left out keeps the source's own value. */
const scheduleOverrideSchema = z.strictObject({
  cron: cronExpression.optional(),
  tz: z.string().refine(isTimeZone, "not a known IANA time zone").optional(),
  timeoutMs: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
  enabled: z.boolean().optional(),
});

/** Source id (or "*" for every source, under the per-source entries) -> override. */
const scheduleOverridesSchema = z.record(z.string(), scheduleOverrideSchema);
export type ScheduleOverrides = z.infer<typeof scheduleOverridesSchema>;

/**
 * PRICEWAR_SCHEDULES is JSON; its problems are reported under the variable's own name
 * with the path inside the JSON ("openrouter.cron: ..."), so loadEnv can quote the value.
 */
const scheduleOverridesJson = z.string().transform((text, ctx): ScheduleOverrides => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return z.NEVER;
  }
  const result = scheduleOverridesSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.join(".");
    ctx.addIssue({ code: "custom", message: where ? `${where}: ${issue.message}` : issue.message });
  }
  return z.NEVER;
});

export const envSchema = z.object({
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
  ),
  PGLITE_DIR: withDefault(z.string(), "./data"),
  PORT: withDefault(z.coerce.number().int().min(0).max(65535), 8787),
  HOST: withDefault(z.string(), "0.0.0.0"),
  LOG_LEVEL: withDefault(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]), "info"),
  /** Read every source's payload from this snapshot folder instead of the network. */
  PRICEWAR_REPLAY_DIR: optional(z.string()),
  /** Set to "false" to serve without the scheduler (read-only replicas, tests). */
  PRICEWAR_SCHEDULER: withDefault(z.enum(["true", "false"]), "true"),
  /** JSON overrides of the sources' schedules, e.g. {"openrouter":{"cron":"0 * * * *"},"lmarena":{"enabled":false}}. */
  PRICEWAR_SCHEDULES: optional(scheduleOverridesJson),
  ARTIFICIAL_ANALYSIS_API_KEY: optional(z.string()),
  HTTP_TIMEOUT_MS: withDefault(z.coerce.number().int().positive(), 30_000),
  /** Time limit of one API request; past it the caller gets a 503 (src/api/request-time-limit.ts). */
  REQUEST_TIMEOUT_MS: withDefault(z.coerce.number().int().positive(), DEFAULT_REQUEST_TIMEOUT_MS),
  /** Bearer token of the admin routes (webhook subscriptions); unset, those routes are off (404). */
  PRICEWAR_ADMIN_TOKEN: optional(z.string().min(16, "must be at least 16 characters")),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n${issues.map((line) => `  - ${line}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return `${name}: ${issue.message} (got ${JSON.stringify(source[name] ?? null)})`;
  });
  throw new ConfigError(issues);
}
