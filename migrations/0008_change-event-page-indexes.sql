DROP INDEX "change_events_by_date_idx";--> statement-breakpoint
CREATE INDEX "change_events_by_offering_idx" ON "change_events" USING btree ("offering_id","effective_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "change_events_by_date_idx" ON "change_events" USING btree ("effective_at" DESC NULLS LAST,"id");