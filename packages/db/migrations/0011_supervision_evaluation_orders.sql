CREATE TABLE "evaluation_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_kind" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"formula" jsonb NOT NULL,
	"weight" double precision NOT NULL,
	"banding" jsonb NOT NULL,
	"position" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_indicators_kind_check" CHECK ("evaluation_indicators"."subject_kind" in ('area', 'department', 'collector', 'acceptor', 'shift_lead', 'dispatcher'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period_key" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"subject_kind" text NOT NULL,
	"area_level" text DEFAULT '' NOT NULL,
	"scope_area_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"current" integer DEFAULT 1 NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_results_kind_check" CHECK ("evaluation_results"."subject_kind" in ('area', 'department', 'collector', 'acceptor', 'shift_lead', 'dispatcher')),
	CONSTRAINT "evaluation_results_level_check" CHECK ("evaluation_results"."area_level" = '' or "evaluation_results"."area_level" in ('district', 'street', 'community', 'grid'))
);
--> statement-breakpoint
CREATE TABLE "supervision_orders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint,
	"department_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"instruction" text NOT NULL,
	"reply_due_at" timestamp with time zone NOT NULL,
	"issued_by" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reply" text,
	"replied_by" integer,
	"replied_at" timestamp with time zone,
	CONSTRAINT "supervision_orders_status_check" CHECK ("supervision_orders"."status" in ('open', 'replied'))
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_scope_area_id_areas_id_fk" FOREIGN KEY ("scope_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_indicators_kind_key_uq" ON "evaluation_indicators" USING btree ("subject_kind","key");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_results_current_uq" ON "evaluation_results" USING btree ("period_key","subject_kind","area_level","scope_area_id") WHERE "evaluation_results"."current" = 1;--> statement-breakpoint
CREATE INDEX "supervision_orders_department_idx" ON "supervision_orders" USING btree ("department_id","status","reply_due_at");--> statement-breakpoint
CREATE INDEX "supervision_orders_case_idx" ON "supervision_orders" USING btree ("case_id") WHERE "supervision_orders"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "supervision_orders_open_due_idx" ON "supervision_orders" USING btree ("reply_due_at") WHERE "supervision_orders"."status" = 'open';