ALTER TABLE "engine_jobs" ALTER COLUMN "instance_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_jobs" ADD COLUMN "definition_id" text;--> statement-breakpoint
CREATE INDEX "engine_jobs_definition" ON "engine_jobs" USING btree ("definition_id");