-- Periods of one series never overlap: a price (or score) has one value at any instant.
-- Served by btree_gist so equality on plain columns can sit beside the range operator.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "price_periods" ADD CONSTRAINT "price_periods_no_overlap"
  EXCLUDE USING gist ("offering_id" WITH =, "source_id" WITH =, tstzrange("valid_from", "valid_to", '[)') WITH &&);
--> statement-breakpoint
ALTER TABLE "score_periods" ADD CONSTRAINT "score_periods_no_overlap"
  EXCLUDE USING gist ("model_id" WITH =, "benchmark_id" WITH =, "source_id" WITH =, "setting" WITH =, tstzrange("valid_from", "valid_to", '[)') WITH &&);
