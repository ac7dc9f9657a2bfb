CREATE TABLE "commission_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"period" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdf_accruals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"revenue_cents" bigint NOT NULL,
	"rate_bps" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdf_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"category" text NOT NULL,
	"activity" text NOT NULL,
	"description" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"review_due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"completed_at" timestamp with time zone,
	"reimbursement_due_at" timestamp with time zone,
	"reimbursed_at" timestamp with time zone,
	"leads" integer DEFAULT 0 NOT NULL,
	"opportunities" integer DEFAULT 0 NOT NULL,
	"pipeline_cents" bigint DEFAULT 0 NOT NULL,
	"customers_acquired" integer DEFAULT 0 NOT NULL,
	"attributed_revenue_cents" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_prospects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"stage" text DEFAULT 'identified' NOT NULL,
	"stage_history" jsonb NOT NULL,
	"lost_at" timestamp with time zone,
	"partner_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"period" text NOT NULL,
	"revenue" integer NOT NULL,
	"activity" integer NOT NULL,
	"enablement" integer NOT NULL,
	"relationship" integer NOT NULL,
	"total" integer NOT NULL,
	"level" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"period" text NOT NULL,
	"lines" jsonb NOT NULL,
	"commission_cents" bigint NOT NULL,
	"adjustment_cents" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	"digest" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"runs" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"correct" integer NOT NULL,
	"total" integer NOT NULL,
	"passed" boolean NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"score_bps" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"expired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"track" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deal_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_domain" text NOT NULL,
	"customer_name" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"state" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"protected_until" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "partner_client_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "partner_members" (
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_members_pk" PRIMARY KEY("partner_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "partner_orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"agency_tier" text,
	"white_label" boolean DEFAULT false NOT NULL,
	"nps_tenths" integer,
	"reseller_discount_bps" integer,
	"reseller_annual_commit_cents" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_publishers" (
	"partner_id" uuid NOT NULL,
	"publisher_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_publishers_pk" PRIMARY KEY("partner_id","publisher_id")
);
--> statement-breakpoint
CREATE TABLE "partner_tier_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"eligible" boolean NOT NULL,
	"evaluation" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "referral_attributions" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"touch_id" uuid NOT NULL,
	"touched_at" timestamp with time zone NOT NULL,
	"attributed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral_touches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"visitor_id" text NOT NULL,
	"touched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revenue_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"refund_of" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commission_adjustments" ADD CONSTRAINT "commission_adjustments_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_accruals" ADD CONSTRAINT "mdf_accruals_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdf_claims" ADD CONSTRAINT "mdf_claims_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_prospects" ADD CONSTRAINT "partner_prospects_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_scorecards" ADD CONSTRAINT "partner_scorecards_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_statements" ADD CONSTRAINT "payout_statements_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attempts" ADD CONSTRAINT "training_attempts_module_id_training_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."training_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attempts" ADD CONSTRAINT "training_attempts_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attempts" ADD CONSTRAINT "training_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_module_id_training_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."training_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registrations" ADD CONSTRAINT "deal_registrations_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_client_grants" ADD CONSTRAINT "partner_client_grants_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_client_grants" ADD CONSTRAINT "partner_client_grants_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_publishers" ADD CONSTRAINT "partner_publishers_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_publishers" ADD CONSTRAINT "partner_publishers_publisher_id_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."publishers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_tier_reviews" ADD CONSTRAINT "partner_tier_reviews_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_attributions" ADD CONSTRAINT "referral_attributions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_attributions" ADD CONSTRAINT "referral_attributions_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_codes" ADD CONSTRAINT "referral_codes_partner_id_partner_orgs_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_touches" ADD CONSTRAINT "referral_touches_code_id_referral_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."referral_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_events" ADD CONSTRAINT "revenue_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_adjustments_partner_idx" ON "commission_adjustments" USING btree ("partner_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "mdf_accruals_partner_quarter_uq" ON "mdf_accruals" USING btree ("partner_id","quarter");--> statement-breakpoint
CREATE INDEX "mdf_claims_partner_idx" ON "mdf_claims" USING btree ("partner_id","quarter");--> statement-breakpoint
CREATE INDEX "partner_prospects_stage_idx" ON "partner_prospects" USING btree ("stage");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_scorecards_partner_period_uq" ON "partner_scorecards" USING btree ("partner_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_statements_partner_period_uq" ON "payout_statements" USING btree ("partner_id","period");--> statement-breakpoint
CREATE INDEX "training_attempts_partner_idx" ON "training_attempts" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "training_certificates_partner_idx" ON "training_certificates" USING btree ("partner_id","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_modules_slug_uq" ON "training_modules" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_registrations_live_uq" ON "deal_registrations" USING btree ("customer_domain") WHERE "deal_registrations"."state" in ('approved', 'pending_review');--> statement-breakpoint
CREATE INDEX "deal_registrations_partner_idx" ON "deal_registrations" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_client_grants_active_uq" ON "partner_client_grants" USING btree ("partner_id","workspace_id") WHERE "partner_client_grants"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "partner_client_grants_workspace_idx" ON "partner_client_grants" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "partner_members_user_idx" ON "partner_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_orgs_slug_uq" ON "partner_orgs" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "partner_tier_reviews_partner_idx" ON "partner_tier_reviews" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_codes_code_uq" ON "referral_codes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "referral_codes_partner_idx" ON "referral_codes" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "referral_touches_visitor_idx" ON "referral_touches" USING btree ("visitor_id","touched_at");--> statement-breakpoint
CREATE UNIQUE INDEX "revenue_events_external_uq" ON "revenue_events" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "revenue_events_workspace_idx" ON "revenue_events" USING btree ("workspace_id","occurred_at");