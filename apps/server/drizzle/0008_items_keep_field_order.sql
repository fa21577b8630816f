ALTER TABLE "item_drafts" ALTER COLUMN "guide" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "item_drafts" ALTER COLUMN "form" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "item_versions" ALTER COLUMN "guide" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "item_versions" ALTER COLUMN "form" SET DATA TYPE json;