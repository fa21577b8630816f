CREATE TABLE "stats_backlog" (
	"unit_id" text NOT NULL,
	"dept_id" text NOT NULL,
	"day" date NOT NULL,
	"open" integer NOT NULL,
	CONSTRAINT "stats_backlog_unit_id_dept_id_day_pk" PRIMARY KEY("unit_id","dept_id","day")
);
--> statement-breakpoint
CREATE TABLE "stats_handling" (
	"unit_id" text NOT NULL,
	"day" date NOT NULL,
	"dept_id" text NOT NULL,
	"tenths" integer NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "stats_handling_unit_id_day_dept_id_tenths_pk" PRIMARY KEY("unit_id","day","dept_id","tenths")
);
--> statement-breakpoint
CREATE TABLE "stats_handling_monthly" (
	"unit_id" text NOT NULL,
	"day" date NOT NULL,
	"dept_id" text NOT NULL,
	"tenths" integer NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "stats_handling_monthly_unit_id_day_dept_id_tenths_pk" PRIMARY KEY("unit_id","day","dept_id","tenths")
);
--> statement-breakpoint
CREATE TABLE "stats_monthly" (
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
	CONSTRAINT "stats_monthly_unit_id_day_dept_id_item_id_handler_id_pk" PRIMARY KEY("unit_id","day","dept_id","item_id","handler_id")
);
--> statement-breakpoint
CREATE TABLE "stats_working_days" (
	"day" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"ms_before" double precision NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stats_monthly_dept" ON "stats_monthly" USING btree ("unit_id","dept_id","day");--> statement-breakpoint
CREATE INDEX "stats_case_facts_item_ended" ON "stats_case_facts" USING btree ("unit_id","item_id","ended_day");--> statement-breakpoint
CREATE INDEX "stats_case_facts_handler_ended" ON "stats_case_facts" USING btree ("unit_id","handler_id","ended_day");