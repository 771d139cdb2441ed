ALTER TYPE "public"."provider_kind" ADD VALUE 'reference' BEFORE 'unknown';--> statement-breakpoint
CREATE TABLE "http_validators" (
	"url" text PRIMARY KEY NOT NULL,
	"etag" text,
	"last_modified" text,
	"sha256" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "http_validators" ADD CONSTRAINT "http_validators_sha256_raw_payloads_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."raw_payloads"("sha256") ON DELETE no action ON UPDATE no action;