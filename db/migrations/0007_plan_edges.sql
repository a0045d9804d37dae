CREATE TYPE "public"."call_invitation" AS ENUM('none', 'on_day', 'if_no_news', 'no_date');--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "candidate_reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "plan_emails_off_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "debriefs" ADD COLUMN "call_invitation" "call_invitation";--> statement-breakpoint
ALTER TABLE "debriefs" ADD COLUMN "call_time" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "skip_reason" text;--> statement-breakpoint
-- What a debrief said about calling, in the new words: asked to call with a
-- date is a call on or by that named day; without one, an invitation without
-- a date; not asked is not invited. Unanswered stays unanswered.
UPDATE "debriefs" SET "call_invitation" = CASE
    WHEN "asked_to_call" IS TRUE AND "call_by" IS NOT NULL THEN 'on_day'::"call_invitation"
    WHEN "asked_to_call" IS TRUE THEN 'no_date'::"call_invitation"
    WHEN "asked_to_call" IS FALSE THEN 'none'::"call_invitation"
  END
  WHERE "call_invitation" IS NULL;
