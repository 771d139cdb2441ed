DROP INDEX "price_periods_at_date_idx";--> statement-breakpoint
CREATE INDEX "price_periods_history_idx" ON "price_periods" USING btree ("offering_id","valid_from","id");