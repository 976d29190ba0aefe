CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"target" text,
	"detail" jsonb,
	"ip" text,
	"area_path" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"phone" text,
	"area_id" integer NOT NULL,
	"department_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"day" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint,
	"event_id" bigint,
	"purpose" text NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"original_name" text,
	"uploaded_by" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_departments" (
	"case_id" bigint NOT NULL,
	"department_id" integer NOT NULL,
	"role" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_departments_case_id_department_id_pk" PRIMARY KEY("case_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"action" text NOT NULL,
	"label" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"category_code" text NOT NULL,
	"urgency" text NOT NULL,
	"description" text NOT NULL,
	"address" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"grid_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"street_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"component_id" text,
	"reporter_name" text,
	"reporter_phone" text,
	"reported_by" integer,
	"client_request_id" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"pending_kind" text,
	"pending_data" jsonb,
	"check_result" text,
	"hung_up_from" text,
	"assignee_id" integer,
	"lead_department_id" integer,
	"stage" text,
	"stage_unit" text,
	"stage_started_at" timestamp with time zone,
	"stage_warn_at" timestamp with time zone,
	"stage_deadline_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"supervised" boolean DEFAULT false NOT NULL,
	"difficult" boolean DEFAULT false NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"filed_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_phrases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"major_code" text NOT NULL,
	"name" text NOT NULL,
	"synonyms" text[] DEFAULT '{}' NOT NULL,
	"file_condition" text DEFAULT '' NOT NULL,
	"close_condition" text DEFAULT '' NOT NULL,
	"is_local" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "category_majors" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "category_majors_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "category_time_limits" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"urgency" text NOT NULL,
	"stage" text NOT NULL,
	"amount" integer NOT NULL,
	"unit" text NOT NULL,
	CONSTRAINT "category_time_limits_kind_code_urgency_stage_pk" PRIMARY KEY("kind","code","urgency","stage")
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"published_key" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"api_key_id" integer NOT NULL,
	"service_code" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"address_string" text,
	"media_url" text,
	"email" text,
	"first_name" text,
	"last_name" text,
	"phone" text,
	"device_id" text,
	"account_id" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"boundary" jsonb,
	"center_lng" double precision,
	"center_lat" double precision,
	"min_lng" double precision,
	"min_lat" double precision,
	"max_lng" double precision,
	"max_lat" double precision
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area_id" integer NOT NULL,
	"path" text NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_event_id_case_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_departments" ADD CONSTRAINT "case_departments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_departments" ADD CONSTRAINT "case_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_grid_id_areas_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_phrases" ADD CONSTRAINT "user_phrases_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_api_key_id_open311_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."open311_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_parent_id_departments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "users_area_idx" ON "users" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "users_department_idx" ON "users" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_departments_dept_idx" ON "case_departments" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_no_uq" ON "cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "cases_status_reported_idx" ON "cases" USING btree ("status","reported_at");--> statement-breakpoint
CREATE INDEX "cases_district_status_idx" ON "cases" USING btree ("district_id","status","reported_at");--> statement-breakpoint
CREATE INDEX "cases_street_status_idx" ON "cases" USING btree ("street_id","status","reported_at");--> statement-breakpoint
CREATE INDEX "cases_department_status_idx" ON "cases" USING btree ("lead_department_id","status","reported_at");--> statement-breakpoint
CREATE INDEX "cases_assignee_status_idx" ON "cases" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "cases_deadline_idx" ON "cases" USING btree ("stage_deadline_at") WHERE "cases"."stage_deadline_at" is not null and "cases"."paused_at" is null;--> statement-breakpoint
CREATE INDEX "cases_district_deadline_idx" ON "cases" USING btree ("district_id","stage_deadline_at","stage_warn_at") WHERE "cases"."stage_deadline_at" is not null and "cases"."paused_at" is null;--> statement-breakpoint
CREATE INDEX "cases_pending_idx" ON "cases" USING btree ("pending_kind","district_id") WHERE "cases"."pending_kind" is not null;--> statement-breakpoint
CREATE INDEX "cases_supervised_idx" ON "cases" USING btree ("district_id") WHERE "cases"."supervised" and "cases"."stage" is not null;--> statement-breakpoint
CREATE INDEX "cases_reported_at_idx" ON "cases" USING btree ("reported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_client_request_uq" ON "cases" USING btree ("reported_by","client_request_id") WHERE "cases"."client_request_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_reported_by_idx" ON "cases" USING btree ("reported_by","reported_at");--> statement-breakpoint
CREATE INDEX "cases_lat_lng_reported_idx" ON "cases" USING btree ("lat","lng","reported_at");--> statement-breakpoint
CREATE INDEX "cases_open_lat_lng_idx" ON "cases" USING btree ("lat","lng") WHERE "cases"."status" not in ('closed', 'voided');--> statement-breakpoint
CREATE INDEX "user_phrases_user_idx" ON "user_phrases" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "categories_major_idx" ON "categories" USING btree ("kind","major_code");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_hash_uq" ON "open311_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_name_uq" ON "open311_api_keys" USING btree ("name");--> statement-breakpoint
CREATE INDEX "open311_requests_key_idx" ON "open311_requests" USING btree ("api_key_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_code_uq" ON "areas" USING btree ("code");--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "areas_path_idx" ON "areas" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "areas_bbox_idx" ON "areas" USING btree ("level","min_lng","min_lat");--> statement-breakpoint
CREATE INDEX "departments_parent_idx" ON "departments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "departments_area_idx" ON "departments" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "departments_path_idx" ON "departments" USING btree ("path" text_pattern_ops);