ALTER TABLE "firms" ALTER COLUMN "policy" SET DEFAULT '{"thankYouWithinHours":24,"debriefWithinHours":24,"feedbackWithinBusinessDays":2,"callAfterBusinessDays":3,"callWindowBusinessDays":1,"decisionGraceBusinessDays":2,"timelineTaskWithinBusinessDays":1}'::jsonb;--> statement-breakpoint
-- Firms made before the call window was a setting get its default, so the
-- stored policy names every number the plan uses.
UPDATE "firms" SET "policy" = '{"callWindowBusinessDays":1}'::jsonb || "policy"
  WHERE NOT ("policy" ? 'callWindowBusinessDays');--> statement-breakpoint
-- Until this release the app wrote only asked_to_call, so it is the truth for
-- every row (a debrief saved after 0007 ran was not mapped by it): map it once
-- more, the same way, before it goes. Asked with a date is a call on or by that
-- named day; without one, an invitation without a date; not asked is not
-- invited; unanswered stays unanswered.
UPDATE "debriefs" SET "call_invitation" = CASE
    WHEN "asked_to_call" IS TRUE AND "call_by" IS NOT NULL THEN 'on_day'::"call_invitation"
    WHEN "asked_to_call" IS TRUE THEN 'no_date'::"call_invitation"
    WHEN "asked_to_call" IS FALSE THEN 'none'::"call_invitation"
  END;--> statement-breakpoint
ALTER TABLE "debriefs" DROP COLUMN "asked_to_call";
