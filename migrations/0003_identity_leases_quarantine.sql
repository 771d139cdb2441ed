CREATE TYPE "public"."quarantine_status" AS ENUM('held', 'released', 'confirmed', 'superseded');--> statement-breakpoint
CREATE TABLE "model_pointers" (
	"id" serial PRIMARY KEY NOT NULL,
	"floating_model_id" text NOT NULL,
	"snapshot_model_id" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"origin" text NOT NULL,
	"note" text,
	CONSTRAINT "model_pointers_valid_range" CHECK ("model_pointers"."valid_to" is null or "model_pointers"."valid_to" > "model_pointers"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "price_quarantine" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scrape_run_id" bigint,
	"source_id" text NOT NULL,
	"offering_id" integer NOT NULL,
	"raw_name" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"value" jsonb NOT NULL,
	"previous" jsonb,
	"reason" text NOT NULL,
	"status" "quarantine_status" DEFAULT 'held' NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aliases" ADD COLUMN "setting" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "floating" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "native_id" text;--> statement-breakpoint
ALTER TABLE "scrape_runs" ADD COLUMN "instance_id" text;--> statement-breakpoint
ALTER TABLE "scrape_runs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "model_pointers" ADD CONSTRAINT "model_pointers_floating_model_id_models_id_fk" FOREIGN KEY ("floating_model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_pointers" ADD CONSTRAINT "model_pointers_snapshot_model_id_models_id_fk" FOREIGN KEY ("snapshot_model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_quarantine" ADD CONSTRAINT "price_quarantine_scrape_run_id_scrape_runs_id_fk" FOREIGN KEY ("scrape_run_id") REFERENCES "public"."scrape_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_quarantine" ADD CONSTRAINT "price_quarantine_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_quarantine" ADD CONSTRAINT "price_quarantine_offering_id_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "model_pointers_floating_from_key" ON "model_pointers" USING btree ("floating_model_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "price_quarantine_once_key" ON "price_quarantine" USING btree ("offering_id","source_id","observed_at");--> statement-breakpoint
CREATE INDEX "price_quarantine_held_idx" ON "price_quarantine" USING btree ("source_id") WHERE "price_quarantine"."status" = 'held';