CREATE TYPE "public"."debrief_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."client_decision" AS ENUM('next_round', 'offer', 'hold', 'reject');--> statement-breakpoint
CREATE TYPE "public"."export_status" AS ENUM('running', 'done', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."feedback_channel" AS ENUM('call', 'email', 'other');--> statement-breakpoint
CREATE TYPE "public"."interview_kind" AS ENUM('phone_screen', 'video', 'onsite', 'panel', 'final');--> statement-breakpoint
CREATE TYPE "public"."interview_status" AS ENUM('scheduled', 'completed', 'cancelled', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('open', 'on_hold', 'filled', 'closed');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('active', 'deactivated');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed', 'logged');--> statement-breakpoint
CREATE TYPE "public"."person_resolution" AS ENUM('pending', 'confirmed', 'merged', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."rating" AS ENUM('definitely_not', 'no', 'mixed', 'yes', 'strong_yes');--> statement-breakpoint
CREATE TYPE "public"."recommendation" AS ENUM('strong_yes', 'yes', 'no', 'definitely_not', 'no_decision');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'recruiter', 'candidate');--> statement-breakpoint
CREATE TYPE "public"."application_stage" AS ENUM('sourced', 'submitted', 'interviewing', 'offer', 'placed', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."task_owner_kind" AS ENUM('recruiter', 'candidate');--> statement-breakpoint
CREATE TYPE "public"."task_state" AS ENUM('open', 'done', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."thank_you_channel" AS ENUM('email', 'letter', 'linkedin', 'other');--> statement-breakpoint
CREATE TYPE "public"."timeline_given" AS ENUM('yes', 'no', 'unsure');--> statement-breakpoint
CREATE TABLE "firms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"time_zone" text DEFAULT 'America/New_York' NOT NULL,
	"holidays" date[] DEFAULT '{}'::date[] NOT NULL,
	"policy" jsonb DEFAULT '{"thankYouWithinHours":24,"debriefWithinHours":24,"feedbackWithinBusinessDays":2,"callAfterBusinessDays":3,"decisionGraceBusinessDays":2,"timelineTaskWithinBusinessDays":1}'::jsonb NOT NULL,
	"session_idle_minutes" integer DEFAULT 30 NOT NULL,
	"session_absolute_hours" integer DEFAULT 12 NOT NULL,
	"mfa_required" boolean DEFAULT true NOT NULL,
	"retention_days" integer,
	"is_benchmark" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "firms_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"firm_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"role" "role" NOT NULL,
	"candidate_id" uuid,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "invitations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"candidate_id" uuid,
	"status" "membership_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "memberships_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "memberships_firm_user_key" UNIQUE("firm_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_resets_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 1 NOT NULL,
	"mfa_secret" text,
	"mfa_enabled_at" timestamp with time zone,
	"recovery_code_hashes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"archived_at" timestamp with time zone,
	"anonymized_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "candidates_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "candidates_firm_email_key" UNIQUE("firm_id","email")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"industry" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "clients_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contacts_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"title" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "job_status" DEFAULT 'open' NOT NULL,
	"owner_user_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "jobs_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "application_stage_changes" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"from_stage" "application_stage",
	"to_stage" "application_stage" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_stage_changes_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"stage" "application_stage" DEFAULT 'sourced' NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_reason" text DEFAULT '' NOT NULL,
	"recruiter_user_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "applications_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "applications_firm_candidate_job_key" UNIQUE("firm_id","candidate_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "interview_participants" (
	"firm_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_participants_firm_id_interview_id_contact_id_pk" PRIMARY KEY("firm_id","interview_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"kind" "interview_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"video_url" text DEFAULT '' NOT NULL,
	"status" "interview_status" DEFAULT 'scheduled' NOT NULL,
	"arranged_by_firm" boolean DEFAULT true NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "interviews_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "call_logs" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"contact_id" uuid,
	"called_at" timestamp with time zone NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"logged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_logs_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "debrief_people" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"debrief_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"contact_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"thank_you_sent" boolean DEFAULT false NOT NULL,
	"thank_you_sent_at" timestamp with time zone,
	"thank_you_channel" "thank_you_channel",
	"resolution" "person_resolution" DEFAULT 'pending' NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debrief_people_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "debrief_versions" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"debrief_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	CONSTRAINT "debrief_versions_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "debrief_versions_firm_debrief_number_key" UNIQUE("firm_id","debrief_id","number")
);
--> statement-breakpoint
CREATE TABLE "debriefs" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"status" "debrief_status" DEFAULT 'draft' NOT NULL,
	"overall_impression" smallint,
	"interest_level" smallint,
	"went_well" text DEFAULT '' NOT NULL,
	"concerns" text DEFAULT '' NOT NULL,
	"questions_asked" text DEFAULT '' NOT NULL,
	"not_mentioned" text DEFAULT '' NOT NULL,
	"timeline_given" timeline_given,
	"timeline_details" text DEFAULT '' NOT NULL,
	"expected_decision_on" date,
	"asked_to_call" boolean,
	"call_by" date,
	"invited_back" boolean,
	"invited_back_details" text DEFAULT '' NOT NULL,
	"salary_discussed" text DEFAULT '' NOT NULL,
	"other_processes" text DEFAULT '' NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"notes_for_recruiter" text DEFAULT '' NOT NULL,
	"submitted_versions" integer DEFAULT 0 NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"last_saved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "debriefs_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "debriefs_firm_interview_key" UNIQUE("firm_id","interview_id")
);
--> statement-breakpoint
CREATE TABLE "feedback_ratings" (
	"firm_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"attribute_id" uuid NOT NULL,
	"rating" "rating" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "feedback_ratings_firm_id_feedback_id_attribute_id_pk" PRIMARY KEY("firm_id","feedback_id","attribute_id")
);
--> statement-breakpoint
CREATE TABLE "interviewer_feedback" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"contact_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"channel" "feedback_channel" DEFAULT 'call' NOT NULL,
	"recommendation" "recommendation" DEFAULT 'no_decision' NOT NULL,
	"takeaways" text DEFAULT '' NOT NULL,
	"shared_summary" text DEFAULT '' NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"decision" "client_decision",
	"decision_applied_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "interviewer_feedback_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "scorecard_attributes" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scorecard_attributes_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "scorecard_attributes_firm_name_key" UNIQUE("firm_id","category","name")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"changes" jsonb,
	"ip" text,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"dedupe_key" text,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_dedupeKey_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "export_runs" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid,
	"report" text NOT NULL,
	"format" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "export_status" DEFAULT 'running' NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "export_runs_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"owner_kind" "task_owner_kind" NOT NULL,
	"owner_user_id" uuid,
	"candidate_id" uuid,
	"application_id" uuid,
	"interview_id" uuid,
	"due_at" timestamp with time zone,
	"state" "task_state" DEFAULT 'open' NOT NULL,
	"rule" text,
	"policy_key" text,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tasks_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_firm_id_candidate_id_candidates_firm_id_id_fk" FOREIGN KEY ("firm_id","candidate_id") REFERENCES "public"."candidates"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_firm_id_candidate_id_candidates_firm_id_id_fk" FOREIGN KEY ("firm_id","candidate_id") REFERENCES "public"."candidates"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_firm_id_client_id_clients_firm_id_id_fk" FOREIGN KEY ("firm_id","client_id") REFERENCES "public"."clients"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_firm_id_client_id_clients_firm_id_id_fk" FOREIGN KEY ("firm_id","client_id") REFERENCES "public"."clients"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_stage_changes" ADD CONSTRAINT "application_stage_changes_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_stage_changes" ADD CONSTRAINT "application_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_stage_changes" ADD CONSTRAINT "application_stage_changes_firm_id_application_id_applications_firm_id_id_fk" FOREIGN KEY ("firm_id","application_id") REFERENCES "public"."applications"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_recruiter_user_id_users_id_fk" FOREIGN KEY ("recruiter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_firm_id_candidate_id_candidates_firm_id_id_fk" FOREIGN KEY ("firm_id","candidate_id") REFERENCES "public"."candidates"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_firm_id_job_id_jobs_firm_id_id_fk" FOREIGN KEY ("firm_id","job_id") REFERENCES "public"."jobs"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_participants" ADD CONSTRAINT "interview_participants_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_participants" ADD CONSTRAINT "interview_participants_firm_id_interview_id_interviews_firm_id_id_fk" FOREIGN KEY ("firm_id","interview_id") REFERENCES "public"."interviews"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_participants" ADD CONSTRAINT "interview_participants_firm_id_contact_id_contacts_firm_id_id_fk" FOREIGN KEY ("firm_id","contact_id") REFERENCES "public"."contacts"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_firm_id_application_id_applications_firm_id_id_fk" FOREIGN KEY ("firm_id","application_id") REFERENCES "public"."applications"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_firm_id_candidate_id_candidates_firm_id_id_fk" FOREIGN KEY ("firm_id","candidate_id") REFERENCES "public"."candidates"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_firm_id_interview_id_interviews_firm_id_id_fk" FOREIGN KEY ("firm_id","interview_id") REFERENCES "public"."interviews"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_firm_id_candidate_id_candidates_firm_id_id_fk" FOREIGN KEY ("firm_id","candidate_id") REFERENCES "public"."candidates"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_firm_id_contact_id_contacts_firm_id_id_fk" FOREIGN KEY ("firm_id","contact_id") REFERENCES "public"."contacts"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_people" ADD CONSTRAINT "debrief_people_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_people" ADD CONSTRAINT "debrief_people_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_people" ADD CONSTRAINT "debrief_people_firm_id_debrief_id_debriefs_firm_id_id_fk" FOREIGN KEY ("firm_id","debrief_id") REFERENCES "public"."debriefs"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_people" ADD CONSTRAINT "debrief_people_firm_id_contact_id_contacts_firm_id_id_fk" FOREIGN KEY ("firm_id","contact_id") REFERENCES "public"."contacts"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_versions" ADD CONSTRAINT "debrief_versions_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_versions" ADD CONSTRAINT "debrief_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debrief_versions" ADD CONSTRAINT "debrief_versions_firm_id_debrief_id_debriefs_firm_id_id_fk" FOREIGN KEY ("firm_id","debrief_id") REFERENCES "public"."debriefs"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_firm_id_interview_id_interviews_firm_id_id_fk" FOREIGN KEY ("firm_id","interview_id") REFERENCES "public"."interviews"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_firm_id_candidate_id_candidates_firm_id_id_fk" FOREIGN KEY ("firm_id","candidate_id") REFERENCES "public"."candidates"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_ratings" ADD CONSTRAINT "feedback_ratings_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_ratings" ADD CONSTRAINT "feedback_ratings_firm_id_feedback_id_interviewer_feedback_firm_id_id_fk" FOREIGN KEY ("firm_id","feedback_id") REFERENCES "public"."interviewer_feedback"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_ratings" ADD CONSTRAINT "feedback_ratings_firm_id_attribute_id_scorecard_attributes_firm_id_id_fk" FOREIGN KEY ("firm_id","attribute_id") REFERENCES "public"."scorecard_attributes"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD CONSTRAINT "interviewer_feedback_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD CONSTRAINT "interviewer_feedback_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD CONSTRAINT "interviewer_feedback_firm_id_interview_id_interviews_firm_id_id_fk" FOREIGN KEY ("firm_id","interview_id") REFERENCES "public"."interviews"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviewer_feedback" ADD CONSTRAINT "interviewer_feedback_firm_id_contact_id_contacts_firm_id_id_fk" FOREIGN KEY ("firm_id","contact_id") REFERENCES "public"."contacts"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_attributes" ADD CONSTRAINT "scorecard_attributes_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_runs" ADD CONSTRAINT "export_runs_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_runs" ADD CONSTRAINT "export_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_firm_id_candidate_id_candidates_firm_id_id_fk" FOREIGN KEY ("firm_id","candidate_id") REFERENCES "public"."candidates"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_firm_id_application_id_applications_firm_id_id_fk" FOREIGN KEY ("firm_id","application_id") REFERENCES "public"."applications"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_firm_id_interview_id_interviews_firm_id_id_fk" FOREIGN KEY ("firm_id","interview_id") REFERENCES "public"."interviews"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_firm_idx" ON "auth_sessions" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "invitations_firm_email_idx" ON "invitations" USING btree ("firm_id","email");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "candidates_firm_owner_idx" ON "candidates" USING btree ("firm_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "candidates_firm_name_idx" ON "candidates" USING btree ("firm_id","name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_firm_name_key" ON "clients" USING btree ("firm_id",lower("name"));--> statement-breakpoint
CREATE INDEX "contacts_firm_client_idx" ON "contacts" USING btree ("firm_id","client_id");--> statement-breakpoint
CREATE INDEX "contacts_firm_email_idx" ON "contacts" USING btree ("firm_id",lower("email"));--> statement-breakpoint
CREATE INDEX "jobs_firm_client_idx" ON "jobs" USING btree ("firm_id","client_id");--> statement-breakpoint
CREATE INDEX "jobs_firm_owner_idx" ON "jobs" USING btree ("firm_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "stage_changes_firm_application_idx" ON "application_stage_changes" USING btree ("firm_id","application_id","changed_at");--> statement-breakpoint
CREATE INDEX "applications_firm_job_stage_idx" ON "applications" USING btree ("firm_id","job_id","stage");--> statement-breakpoint
CREATE INDEX "applications_firm_stage_idx" ON "applications" USING btree ("firm_id","stage","created_at");--> statement-breakpoint
CREATE INDEX "applications_firm_recruiter_idx" ON "applications" USING btree ("firm_id","recruiter_user_id");--> statement-breakpoint
CREATE INDEX "interview_participants_firm_contact_idx" ON "interview_participants" USING btree ("firm_id","contact_id");--> statement-breakpoint
CREATE INDEX "interviews_firm_starts_idx" ON "interviews" USING btree ("firm_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "interviews_firm_application_idx" ON "interviews" USING btree ("firm_id","application_id");--> statement-breakpoint
CREATE INDEX "interviews_firm_candidate_idx" ON "interviews" USING btree ("firm_id","candidate_id","starts_at");--> statement-breakpoint
CREATE INDEX "call_logs_firm_interview_idx" ON "call_logs" USING btree ("firm_id","interview_id");--> statement-breakpoint
CREATE INDEX "debrief_people_firm_debrief_idx" ON "debrief_people" USING btree ("firm_id","debrief_id","position");--> statement-breakpoint
CREATE INDEX "debriefs_firm_candidate_idx" ON "debriefs" USING btree ("firm_id","candidate_id");--> statement-breakpoint
CREATE INDEX "debriefs_firm_status_idx" ON "debriefs" USING btree ("firm_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "feedback_firm_interview_idx" ON "interviewer_feedback" USING btree ("firm_id","interview_id");--> statement-breakpoint
CREATE INDEX "audit_firm_created_idx" ON "audit_events" USING btree ("firm_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_firm_entity_idx" ON "audit_events" USING btree ("firm_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_firm_actor_idx" ON "audit_events" USING btree ("firm_id","actor_user_id","created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_firm_created_idx" ON "email_outbox" USING btree ("firm_id","created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree ("to");--> statement-breakpoint
CREATE INDEX "export_runs_firm_status_idx" ON "export_runs" USING btree ("firm_id","status","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_firm_interview_policy_key" ON "tasks" USING btree ("firm_id","interview_id","policy_key") WHERE "tasks"."policy_key" is not null;--> statement-breakpoint
CREATE INDEX "tasks_firm_owner_state_due_idx" ON "tasks" USING btree ("firm_id","owner_user_id","state","due_at");--> statement-breakpoint
CREATE INDEX "tasks_firm_state_due_idx" ON "tasks" USING btree ("firm_id","state","due_at");--> statement-breakpoint
CREATE INDEX "tasks_firm_candidate_idx" ON "tasks" USING btree ("firm_id","candidate_id");