CREATE TABLE "stats_case_facts" (
	"case_id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"dept_id" text NOT NULL,
	"item_id" text NOT NULL,
	"handler_id" text NOT NULL,
	"online" integer NOT NULL,
	"received_day" date NOT NULL,
	"ended_day" date,
	"result" text,
	"overdue_day" date,
	"on_time" integer NOT NULL,
	"supplemented" integer NOT NULL,
	"satisfied" integer,
	"handling_wd" double precision
);
--> statement-breakpoint
CREATE TABLE "stats_daily" (
	"unit_id" text NOT NULL,
	"day" date NOT NULL,
	"dept_id" text NOT NULL,
	"item_id" text NOT NULL,
	"handler_id" text NOT NULL,
	"received" integer NOT NULL,
	"online" integer NOT NULL,
	"returned" integer NOT NULL,
	"supplemented" integer NOT NULL,
	"ended" integer NOT NULL,
	"completed" integer NOT NULL,
	"on_time" integer NOT NULL,
	"overdue" integer NOT NULL,
	"handling_wd_sum" double precision NOT NULL,
	"evaluated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	CONSTRAINT "stats_daily_unit_id_day_dept_id_item_id_handler_id_pk" PRIMARY KEY("unit_id","day","dept_id","item_id","handler_id")
);
--> statement-breakpoint
CREATE TABLE "stats_watermarks" (
	"id" text PRIMARY KEY NOT NULL,
	"history_id" bigint NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stats_case_facts_ended" ON "stats_case_facts" USING btree ("unit_id","ended_day");--> statement-breakpoint
CREATE INDEX "stats_case_facts_dept_ended" ON "stats_case_facts" USING btree ("unit_id","dept_id","ended_day");--> statement-breakpoint
CREATE INDEX "stats_daily_dept" ON "stats_daily" USING btree ("unit_id","dept_id","day");