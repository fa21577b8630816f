CREATE TABLE "dc_connectors" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"config" jsonb NOT NULL,
	"outputs" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dc_connectors_kind_matches" CHECK ("dc_connectors"."config"->>'kind' = "dc_connectors"."kind")
);
--> statement-breakpoint
ALTER TABLE "dc_connectors" ADD CONSTRAINT "dc_connectors_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dc_connectors_unit_code" ON "dc_connectors" USING btree ("unit_id","code");