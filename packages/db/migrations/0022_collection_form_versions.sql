-- 信息采集 form definitions are versioned: each save of a type's form is a new version, and a
-- record keeps the version it was made with, so its fields stay as they were when the form changes.
ALTER TABLE "collection_types" ADD COLUMN "form_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_records" ADD COLUMN "form_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE TABLE "collection_form_versions" (
	"type_code" text NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_form_versions_type_code_version_pk" PRIMARY KEY("type_code","version")
);
--> statement-breakpoint
ALTER TABLE "collection_form_versions" ADD CONSTRAINT "collection_form_versions_type_code_collection_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."collection_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_form_versions" ADD CONSTRAINT "collection_form_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "collection_form_versions" ("type_code", "version", "fields") SELECT "code", 1, "fields" FROM "collection_types";
