CREATE TABLE "assessment_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"month" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"points" real NOT NULL,
	"reason" text NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_rules" (
	"unit_id" text NOT NULL,
	"code" text NOT NULL,
	"points" real NOT NULL,
	"cap" real,
	"threshold" real,
	"enabled" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "assessment_rules_unit_id_code_pk" PRIMARY KEY("unit_id","code")
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"case_id" text NOT NULL,
	"task_id" text NOT NULL,
	"working_days" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "supervision_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"case_id" text NOT NULL,
	"task_id" text NOT NULL,
	"level" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"notify" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rules" ADD CONSTRAINT "assessment_rules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rules" ADD CONSTRAINT "assessment_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD CONSTRAINT "supervision_alerts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD CONSTRAINT "supervision_alerts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_entries_unit_month" ON "assessment_entries" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "extension_requests_unit_status" ON "extension_requests" USING btree ("unit_id","status","created_at");--> statement-breakpoint
CREATE INDEX "extension_requests_case" ON "extension_requests" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_alerts_task_level" ON "supervision_alerts" USING btree ("task_id","level");--> statement-breakpoint
CREATE INDEX "supervision_alerts_unit" ON "supervision_alerts" USING btree ("unit_id","created_at");