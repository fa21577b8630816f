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
CREATE TABLE "stats_working_days" (
	"day" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"ms_before" double precision NOT NULL
);
