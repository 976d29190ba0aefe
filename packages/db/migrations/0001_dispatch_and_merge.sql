CREATE TABLE "dispatch_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"kind" text,
	"major_code" text,
	"category_code" text,
	"area_id" integer,
	"urgency" text,
	"lead_department_id" integer NOT NULL,
	"assisting_department_ids" integer[] DEFAULT '{}' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "duplicate_suspects" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"candidate_id" bigint NOT NULL,
	"score" double precision NOT NULL,
	"factors" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer,
	"resolved_by_name" text
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "case_departments" ADD COLUMN "feedback" text;--> statement-breakpoint
ALTER TABLE "case_departments" ADD COLUMN "fed_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_departments" ADD COLUMN "fed_back_by" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "forced" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "dispatch_rule_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "grid_member_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "merged_into_id" bigint;--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_suspects" ADD CONSTRAINT "duplicate_suspects_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_suspects" ADD CONSTRAINT "duplicate_suspects_candidate_id_cases_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_suspects" ADD CONSTRAINT "duplicate_suspects_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_suspects_pair_uq" ON "duplicate_suspects" USING btree ("case_id","candidate_id");--> statement-breakpoint
CREATE INDEX "duplicate_suspects_pending_idx" ON "duplicate_suspects" USING btree ("created_at") WHERE "duplicate_suspects"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "duplicate_suspects_candidate_idx" ON "duplicate_suspects" USING btree ("candidate_id");--> statement-breakpoint
ALTER TABLE "case_departments" ADD CONSTRAINT "case_departments_fed_back_by_users_id_fk" FOREIGN KEY ("fed_back_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_grid_member_id_users_id_fk" FOREIGN KEY ("grid_member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_merged_into_id_cases_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_merged_into_idx" ON "cases" USING btree ("merged_into_id") WHERE "cases"."merged_into_id" is not null;