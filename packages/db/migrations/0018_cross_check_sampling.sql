CREATE TABLE "cross_check_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"district_id" integer NOT NULL,
	"month" text NOT NULL,
	"mode" text NOT NULL,
	"amount" double precision NOT NULL,
	"seed" text NOT NULL,
	"population" integer NOT NULL,
	"strata" jsonb NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cross_check_plans_mode_check" CHECK ("cross_check_plans"."mode" in ('count', 'share'))
);
--> statement-breakpoint
CREATE TABLE "cross_check_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cross_check_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint NOT NULL,
	"case_id" bigint NOT NULL,
	"stratum" text NOT NULL,
	"district_id" integer NOT NULL,
	"department_id" integer,
	"collector_id" integer,
	"reviewer_id" integer NOT NULL,
	"reviewer_district_id" integer NOT NULL,
	"verdict" text,
	"reason_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"handling" text,
	"reviewed_at" timestamp with time zone,
	"mark" text,
	"mark_note" text,
	"marked_by" integer,
	CONSTRAINT "cross_check_samples_verdict_check" CHECK ("cross_check_samples"."verdict" in ('qualified', 'unqualified')),
	CONSTRAINT "cross_check_samples_handling_check" CHECK ("cross_check_samples"."handling" in ('rework', 'evaluation')),
	CONSTRAINT "cross_check_samples_mark_check" CHECK ("cross_check_samples"."mark" in ('typical', 'error')),
	CONSTRAINT "cross_check_samples_other_county_check" CHECK ("cross_check_samples"."reviewer_district_id" <> "cross_check_samples"."district_id")
);
--> statement-breakpoint
CREATE TABLE "cross_check_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"unqualified_handling" text NOT NULL,
	"deduction_points" double precision NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cross_check_settings_one_row" CHECK ("cross_check_settings"."id" = 1),
	CONSTRAINT "cross_check_settings_handling_check" CHECK ("cross_check_settings"."unqualified_handling" in ('rework', 'evaluation'))
);
--> statement-breakpoint
ALTER TABLE "cross_check_plans" ADD CONSTRAINT "cross_check_plans_district_id_areas_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_plans" ADD CONSTRAINT "cross_check_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_samples" ADD CONSTRAINT "cross_check_samples_plan_id_cross_check_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."cross_check_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_samples" ADD CONSTRAINT "cross_check_samples_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_samples" ADD CONSTRAINT "cross_check_samples_district_id_areas_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_samples" ADD CONSTRAINT "cross_check_samples_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_samples" ADD CONSTRAINT "cross_check_samples_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_samples" ADD CONSTRAINT "cross_check_samples_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_samples" ADD CONSTRAINT "cross_check_samples_reviewer_district_id_areas_id_fk" FOREIGN KEY ("reviewer_district_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_samples" ADD CONSTRAINT "cross_check_samples_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_settings" ADD CONSTRAINT "cross_check_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cross_check_plans_district_month_uq" ON "cross_check_plans" USING btree ("district_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "cross_check_samples_plan_case_uq" ON "cross_check_samples" USING btree ("plan_id","case_id");--> statement-breakpoint
CREATE INDEX "cross_check_samples_reviewer_idx" ON "cross_check_samples" USING btree ("reviewer_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "cross_check_samples_case_idx" ON "cross_check_samples" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cross_check_samples_mark_idx" ON "cross_check_samples" USING btree ("mark") WHERE "cross_check_samples"."mark" is not null;