CREATE TABLE "task_handovers" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"absence_id" text,
	"task_id" text NOT NULL,
	"case_id" text NOT NULL,
	"dept_id" text NOT NULL,
	"post_id" text NOT NULL,
	"direction" text NOT NULL,
	"from_user_id" text NOT NULL,
	"to_user_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_signatures" (
	"task_id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"signer_id" text NOT NULL,
	"png" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_handovers" ADD CONSTRAINT "task_handovers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_handovers" ADD CONSTRAINT "task_handovers_absence_id_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."absences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_handovers" ADD CONSTRAINT "task_handovers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_handovers" ADD CONSTRAINT "task_handovers_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_handovers" ADD CONSTRAINT "task_handovers_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_signatures" ADD CONSTRAINT "task_signatures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_signatures" ADD CONSTRAINT "task_signatures_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_handovers_unit_at" ON "task_handovers" USING btree ("unit_id","at");--> statement-breakpoint
CREATE INDEX "task_handovers_task" ON "task_handovers" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_signatures_case" ON "task_signatures" USING btree ("case_id");