ALTER TABLE "complaints" ADD COLUMN "decision" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "responsible_id" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;