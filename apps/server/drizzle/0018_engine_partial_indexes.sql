DROP INDEX "engine_history_type_at";--> statement-breakpoint
DROP INDEX "engine_tasks_candidates";--> statement-breakpoint
CREATE INDEX "engine_history_type_at" ON "engine_history" USING btree ("type","at") WHERE "engine_history"."type" in ('process.cc', 'task.warned', 'task.overdue', 'process.completed', 'process.terminated');--> statement-breakpoint
CREATE INDEX "engine_tasks_candidates" ON "engine_tasks" USING gin ("candidates") WHERE "engine_tasks"."assignee" is null;