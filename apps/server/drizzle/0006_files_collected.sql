CREATE TABLE "file_contents" (
	"file_id" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"case_id" text,
	"field" text,
	"material" text,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dc_collected" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"item_key" text NOT NULL,
	"case_id" text NOT NULL,
	"target" text NOT NULL,
	"record" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"collected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "file_contents" ADD CONSTRAINT "file_contents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dc_collected" ADD CONSTRAINT "dc_collected_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_uploader" ON "files" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "files_case" ON "files" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "dc_collected_unit_target" ON "dc_collected" USING btree ("unit_id","target","collected_at");--> statement-breakpoint
CREATE INDEX "dc_collected_case" ON "dc_collected" USING btree ("case_id");