CREATE TABLE "report_subscription_sends" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "report_subscription_sends_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_subscriptions" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"frequency" text NOT NULL,
	"weekday" integer,
	"local_time" text NOT NULL,
	"include_csv" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "report_subscriptions_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "report_subscriptions_frequency_check" CHECK ("report_subscriptions"."frequency" in ('daily', 'weekly')),
	CONSTRAINT "report_subscriptions_weekday_check" CHECK (("report_subscriptions"."frequency" = 'daily' and "report_subscriptions"."weekday" is null) or ("report_subscriptions"."frequency" = 'weekly' and "report_subscriptions"."weekday" between 1 and 7)),
	CONSTRAINT "report_subscriptions_local_time_check" CHECK ("report_subscriptions"."local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
ALTER TABLE "report_subscription_sends" ADD CONSTRAINT "report_subscription_sends_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_subscription_sends" ADD CONSTRAINT "report_subscription_sends_firm_id_subscription_id_report_subscriptions_firm_id_id_fk" FOREIGN KEY ("firm_id","subscription_id") REFERENCES "public"."report_subscriptions"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_subscription_sends_period_key" ON "report_subscription_sends" USING btree ("subscription_id","period_key");--> statement-breakpoint
CREATE INDEX "report_subscriptions_firm_user_idx" ON "report_subscriptions" USING btree ("firm_id","user_id");--> statement-breakpoint
-- Report subscriptions and their sends: firm isolation as for every tenant
-- table. The schedule's tick reads and claims across firms as the tables'
-- owner, then builds each mail in the subscriber's scope as the app role.
ALTER TABLE "report_subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_subscriptions" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "report_subscription_sends" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_subscription_sends" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);
