ALTER TYPE "public"."feedback_channel" ADD VALUE 'link';--> statement-breakpoint
CREATE TABLE "feedback_links" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"reminder_token_hash" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"feedback_id" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"reminder_sent_at" timestamp with time zone,
	CONSTRAINT "feedback_links_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "feedback_link_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "client_summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "salary_expectation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD COLUMN "strengths" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD COLUMN "concerns" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD COLUMN "proposed_decision" "client_decision";--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD COLUMN "expected_decision_on" date;--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD COLUMN "link_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_links" ADD CONSTRAINT "feedback_links_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_links" ADD CONSTRAINT "feedback_links_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_links" ADD CONSTRAINT "feedback_links_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_links" ADD CONSTRAINT "feedback_links_firm_id_interview_id_interviews_firm_id_id_fk" FOREIGN KEY ("firm_id","interview_id") REFERENCES "public"."interviews"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_links" ADD CONSTRAINT "feedback_links_firm_id_contact_id_contacts_firm_id_id_fk" FOREIGN KEY ("firm_id","contact_id") REFERENCES "public"."contacts"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_links_token_key" ON "feedback_links" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_links_reminder_token_key" ON "feedback_links" USING btree ("reminder_token_hash");--> statement-breakpoint
CREATE INDEX "feedback_links_firm_interview_idx" ON "feedback_links" USING btree ("firm_id","interview_id");--> statement-breakpoint
-- Feedback links: firm isolation as for every tenant table. The public form
-- finds a link by its token's hash as the tables' owner (it has no session),
-- then does the rest in the link's firm as the app role.
ALTER TABLE "feedback_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "feedback_links" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);
