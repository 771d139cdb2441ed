CREATE TYPE "public"."match_method" AS ENUM('exact', 'normalised', 'override', 'unmatched');--> statement-breakpoint
CREATE TYPE "public"."model_tier" AS ENUM('frontier', 'mid', 'small');--> statement-breakpoint
CREATE TYPE "public"."provider_kind" AS ENUM('lab', 'host', 'cloud', 'aggregator', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('running', 'succeeded', 'failed', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."run_trigger" AS ENUM('schedule', 'manual', 'replay', 'backfill', 'startup');--> statement-breakpoint
CREATE TYPE "public"."source_authority" AS ENUM('first-party', 'aggregator', 'community');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('price', 'benchmark');--> statement-breakpoint
CREATE TYPE "public"."change_direction" AS ENUM('cut', 'hike', 'mixed', 'none');--> statement-breakpoint
CREATE TYPE "public"."change_kind" AS ENUM('listed', 'delisted', 'price');--> statement-breakpoint
CREATE TYPE "public"."currency" AS ENUM('USD', 'CNY', 'EUR');--> statement-breakpoint
CREATE TYPE "public"."score_scale" AS ENUM('percent', 'fraction', 'elo', 'index');--> statement-breakpoint
CREATE TABLE "aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"raw_name" text NOT NULL,
	"model_id" text,
	"method" "match_method" NOT NULL,
	"note" text,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aliases_match_has_model" CHECK (("aliases"."method" = 'unmatched') = ("aliases"."model_id" is null))
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" text PRIMARY KEY NOT NULL,
	"creator" text NOT NULL,
	"name" text NOT NULL,
	"display_name" text,
	"family" text,
	"release_date" date,
	"open_weights" boolean,
	"parameters" text,
	"context_window" integer,
	"max_output_tokens" integer,
	"tier" "model_tier",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"model_id" text NOT NULL,
	"variant" text DEFAULT 'standard' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "provider_kind" DEFAULT 'unknown' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raw_payloads" (
	"sha256" text PRIMARY KEY NOT NULL,
	"body" "bytea" NOT NULL,
	"bytes" integer NOT NULL,
	"content_type" text,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scrape_run_documents" (
	"run_id" bigint NOT NULL,
	"name" text NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "scrape_run_documents_pk" PRIMARY KEY("run_id","name")
);
--> statement-breakpoint
CREATE TABLE "scrape_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"trigger" "run_trigger" NOT NULL,
	"status" "run_status" DEFAULT 'running' NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"parsed" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"unmatched" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "source_kind" NOT NULL,
	"authority" "source_authority",
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"offering_id" integer NOT NULL,
	"source_id" text NOT NULL,
	"kind" "change_kind" NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"old_period_id" bigint,
	"new_period_id" bigint,
	"old_blended" numeric,
	"new_blended" numeric,
	"change_ratio" numeric,
	"direction" "change_direction" DEFAULT 'none' NOT NULL,
	"scrape_run_id" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_periods" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"offering_id" integer NOT NULL,
	"source_id" text NOT NULL,
	"currency" "currency" DEFAULT 'USD' NOT NULL,
	"input" numeric,
	"output" numeric,
	"cache_read" numeric,
	"cache_write" numeric,
	"cache_write1h" numeric,
	"tiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"last_seen_at" timestamp with time zone NOT NULL,
	"scrape_run_id" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_periods_valid_range" CHECK ("price_periods"."valid_to" is null or "price_periods"."valid_to" > "price_periods"."valid_from"),
	CONSTRAINT "price_periods_non_negative" CHECK (coalesce("price_periods"."input", 0) >= 0 and coalesce("price_periods"."output", 0) >= 0 and coalesce("price_periods"."cache_read", 0) >= 0 and coalesce("price_periods"."cache_write", 0) >= 0 and coalesce("price_periods"."cache_write1h", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source_id" text NOT NULL,
	"scale" "score_scale" NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"description" text NOT NULL,
	"url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_periods" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"model_id" text NOT NULL,
	"benchmark_id" text NOT NULL,
	"source_id" text NOT NULL,
	"setting" text DEFAULT '' NOT NULL,
	"score" numeric NOT NULL,
	"ci_lower" numeric,
	"ci_upper" numeric,
	"votes" integer,
	"cost_usd" numeric,
	"raw_name" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"last_seen_at" timestamp with time zone NOT NULL,
	"scrape_run_id" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_periods_valid_range" CHECK ("score_periods"."valid_to" is null or "score_periods"."valid_to" > "score_periods"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "task_benchmark_weights" (
	"task_id" text NOT NULL,
	"benchmark_id" text NOT NULL,
	"weight" numeric NOT NULL,
	CONSTRAINT "task_benchmark_weights_pk" PRIMARY KEY("task_id","benchmark_id")
);
--> statement-breakpoint
CREATE TABLE "task_classes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"input_tokens" integer NOT NULL,
	"output_tokens" integer NOT NULL,
	"cached_share" numeric DEFAULT '0' NOT NULL,
	"rationale" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aliases" ADD CONSTRAINT "aliases_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrape_run_documents" ADD CONSTRAINT "scrape_run_documents_run_id_scrape_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scrape_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrape_run_documents" ADD CONSTRAINT "scrape_run_documents_sha256_raw_payloads_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."raw_payloads"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrape_runs" ADD CONSTRAINT "scrape_runs_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_events" ADD CONSTRAINT "change_events_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_events" ADD CONSTRAINT "change_events_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_events" ADD CONSTRAINT "change_events_old_period_id_price_periods_id_fk" FOREIGN KEY ("old_period_id") REFERENCES "public"."price_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_events" ADD CONSTRAINT "change_events_new_period_id_price_periods_id_fk" FOREIGN KEY ("new_period_id") REFERENCES "public"."price_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_events" ADD CONSTRAINT "change_events_scrape_run_id_scrape_runs_id_fk" FOREIGN KEY ("scrape_run_id") REFERENCES "public"."scrape_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_periods" ADD CONSTRAINT "price_periods_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_periods" ADD CONSTRAINT "price_periods_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_periods" ADD CONSTRAINT "price_periods_scrape_run_id_scrape_runs_id_fk" FOREIGN KEY ("scrape_run_id") REFERENCES "public"."scrape_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_periods" ADD CONSTRAINT "score_periods_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_periods" ADD CONSTRAINT "score_periods_benchmark_id_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmarks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_periods" ADD CONSTRAINT "score_periods_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_periods" ADD CONSTRAINT "score_periods_scrape_run_id_scrape_runs_id_fk" FOREIGN KEY ("scrape_run_id") REFERENCES "public"."scrape_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_benchmark_weights" ADD CONSTRAINT "task_benchmark_weights_task_id_task_classes_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_benchmark_weights" ADD CONSTRAINT "task_benchmark_weights_benchmark_id_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmarks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aliases_source_raw_name_key" ON "aliases" USING btree ("source","raw_name");--> statement-breakpoint
CREATE INDEX "aliases_raw_name_idx" ON "aliases" USING btree ("raw_name");--> statement-breakpoint
CREATE INDEX "aliases_unmatched_idx" ON "aliases" USING btree ("source") WHERE "aliases"."model_id" is null;--> statement-breakpoint
CREATE INDEX "models_by_creator_idx" ON "models" USING btree ("creator","family");--> statement-breakpoint
CREATE UNIQUE INDEX "offerings_identity_key" ON "offerings" USING btree ("provider_id","model_id","variant","region");--> statement-breakpoint
CREATE INDEX "offerings_by_model_idx" ON "offerings" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "scrape_runs_latest_by_source_idx" ON "scrape_runs" USING btree ("source_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "scrape_runs_one_running_per_source_key" ON "scrape_runs" USING btree ("source_id") WHERE "scrape_runs"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "change_events_once_key" ON "change_events" USING btree ("offering_id","source_id","kind","effective_at");--> statement-breakpoint
CREATE INDEX "change_events_by_date_idx" ON "change_events" USING btree ("effective_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "price_periods_current_key" ON "price_periods" USING btree ("offering_id","source_id") WHERE "price_periods"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "price_periods_at_date_idx" ON "price_periods" USING btree ("offering_id","valid_from");--> statement-breakpoint
CREATE INDEX "price_periods_current_by_source_idx" ON "price_periods" USING btree ("source_id") WHERE "price_periods"."valid_to" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "score_periods_current_key" ON "score_periods" USING btree ("model_id","benchmark_id","source_id","setting") WHERE "score_periods"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "score_periods_benchmark_at_date_idx" ON "score_periods" USING btree ("benchmark_id","valid_from");--> statement-breakpoint
CREATE INDEX "score_periods_by_model_idx" ON "score_periods" USING btree ("model_id","benchmark_id");