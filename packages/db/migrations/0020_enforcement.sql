CREATE TABLE "enforcement_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"subject_id" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_name" text NOT NULL,
	"subject_code" text NOT NULL,
	"linked_by" integer NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_links_subject_kind_check" CHECK ("enforcement_links"."subject_kind" in ('person', 'organisation'))
);
--> statement-breakpoint
ALTER TABLE "enforcement_links" ADD CONSTRAINT "enforcement_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_links" ADD CONSTRAINT "enforcement_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_links_case_subject_uq" ON "enforcement_links" USING btree ("case_id","subject_id");--> statement-breakpoint
CREATE INDEX "enforcement_links_subject_idx" ON "enforcement_links" USING btree ("subject_id","linked_at");
