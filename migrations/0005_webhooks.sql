CREATE TYPE "public"."webhook_outbox_status" AS ENUM('pending', 'delivered', 'dead');--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"outbox_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"outcome" text NOT NULL,
	CONSTRAINT "webhook_deliveries_outcome" CHECK ("webhook_deliveries"."outcome" in ('delivered', 'retry', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "webhook_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subscription_id" integer NOT NULL,
	"change_event_id" bigint NOT NULL,
	"status" "webhook_outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"description" text,
	"model_id" text,
	"seller" text,
	"direction" "change_direction",
	"kind" text,
	"min_pct" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_subscriptions_kind" CHECK ("webhook_subscriptions"."kind" is null or "webhook_subscriptions"."kind" in ('cut', 'hike', 'listed', 'delisted'))
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_outbox_id_webhook_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."webhook_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_outbox" ADD CONSTRAINT "webhook_outbox_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_outbox" ADD CONSTRAINT "webhook_outbox_change_event_id_change_events_id_fk" FOREIGN KEY ("change_event_id") REFERENCES "public"."change_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_by_outbox_idx" ON "webhook_deliveries" USING btree ("outbox_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_outbox_once_key" ON "webhook_outbox" USING btree ("subscription_id","change_event_id");--> statement-breakpoint
CREATE INDEX "webhook_outbox_due_idx" ON "webhook_outbox" USING btree ("next_attempt_at","id") WHERE "webhook_outbox"."status" = 'pending';--> statement-breakpoint
-- The outbox is filled here, in the transaction that records the change: whichever writer
-- inserts a change event, its webhook rows commit with it or roll back with it. The filters
-- mirror src/db/queries/change-feed.ts (the stream's). The notification fires at commit only,
-- once per transaction (same channel and payload fold), and wakes streams and dispatchers.
CREATE FUNCTION "pricewar_change_event_fanout"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "webhook_outbox" ("subscription_id", "change_event_id")
	SELECT s."id", NEW."id"
	FROM "webhook_subscriptions" s
	JOIN "offerings" o ON o."id" = NEW."offering_id"
	WHERE (s."model_id" IS NULL OR s."model_id" = o."model_id")
		AND (s."seller" IS NULL OR s."seller" = o."provider_id")
		AND (s."direction" IS NULL OR s."direction" = NEW."direction")
		AND (s."kind" IS NULL
			OR (s."kind" IN ('listed', 'delisted') AND NEW."kind"::text = s."kind")
			OR (s."kind" IN ('cut', 'hike') AND NEW."kind" = 'price' AND NEW."direction"::text = s."kind"))
		AND (s."min_pct" IS NULL OR (NEW."change_ratio" IS NOT NULL AND abs(NEW."change_ratio") * 100 >= s."min_pct"))
	ON CONFLICT DO NOTHING;
	PERFORM pg_notify('pricewar_change_events', '');
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "change_events_webhook_fanout" AFTER INSERT ON "change_events" FOR EACH ROW EXECUTE FUNCTION "pricewar_change_event_fanout"();
