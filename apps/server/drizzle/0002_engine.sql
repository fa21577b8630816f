CREATE TABLE "engine_definitions" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text,
	"xml" text NOT NULL,
	"deployed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engine_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "engine_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"instance_id" text NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"element" text,
	"actor" text,
	"task_id" text,
	"due" timestamp with time zone,
	"outcome" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "engine_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"definition_id" text NOT NULL,
	"status" text NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engine_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"type" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"task_id" text,
	"token_id" text,
	"payload" jsonb NOT NULL,
	"lock_owner" text,
	"lock_expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "engine_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"definition_id" text NOT NULL,
	"element" text NOT NULL,
	"name" text,
	"token_id" text NOT NULL,
	"assignee" text,
	"candidates" text[] NOT NULL,
	"owner" text,
	"status" text NOT NULL,
	"signer_for" text,
	"form" text,
	"created_at" timestamp with time zone NOT NULL,
	"due" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"outcome" text,
	"comment" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "engine_definitions_key_version" ON "engine_definitions" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "engine_history_instance" ON "engine_history" USING btree ("instance_id","id");--> statement-breakpoint
CREATE INDEX "engine_history_type_at" ON "engine_history" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "engine_instances_status" ON "engine_instances" USING btree ("status");--> statement-breakpoint
CREATE INDEX "engine_jobs_due" ON "engine_jobs" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "engine_jobs_instance" ON "engine_jobs" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "engine_tasks_instance" ON "engine_tasks" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "engine_tasks_assignee_status" ON "engine_tasks" USING btree ("assignee","status");--> statement-breakpoint
CREATE INDEX "engine_tasks_candidates" ON "engine_tasks" USING gin ("candidates");