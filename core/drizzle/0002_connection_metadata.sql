ALTER TABLE "connections" ADD COLUMN "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "has_refresh_token" boolean DEFAULT false NOT NULL;