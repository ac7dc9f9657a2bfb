CREATE TABLE "partner_support_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"opened_by" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "partner_support_tickets_subject_len" CHECK (char_length("partner_support_tickets"."subject") between 1 and 200),
	CONSTRAINT "partner_support_tickets_body_len" CHECK (char_length("partner_support_tickets"."body") between 1 and 5000)
);
--> statement-breakpoint
ALTER TABLE "partner_support_tickets" ADD CONSTRAINT "partner_support_tickets_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_support_tickets" ADD CONSTRAINT "partner_support_tickets_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_support_tickets" ADD CONSTRAINT "partner_support_tickets_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_support_tickets_partner_idx" ON "partner_support_tickets" USING btree ("partner_id","status");