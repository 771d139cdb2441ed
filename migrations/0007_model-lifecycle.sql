CREATE TYPE "public"."lifecycle_signal_stage" AS ENUM('preview', 'deprecated', 'retired');--> statement-breakpoint
CREATE TABLE "lifecycle_signals" (
	"source_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"raw_name" text NOT NULL,
	"stage" "lifecycle_signal_stage" NOT NULL,
	"effective_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "lifecycle_signals_source_id_provider_id_raw_name_stage_pk" PRIMARY KEY("source_id","provider_id","raw_name","stage")
);
--> statement-breakpoint
ALTER TABLE "lifecycle_signals" ADD CONSTRAINT "lifecycle_signals_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lifecycle_signals_by_name_idx" ON "lifecycle_signals" USING btree ("source_id","raw_name");