CREATE TABLE "chief_delegations" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_user_id" integer NOT NULL,
	"to_user_id" integer NOT NULL,
	"grid_ids" integer[],
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "chief_delegations_window_check" CHECK ("chief_delegations"."ends_at" > "chief_delegations"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "education_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"phone" text,
	"text" text NOT NULL,
	"send_state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"remote_id" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_messages_send_state_check" CHECK ("education_messages"."send_state" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "street_chiefs" (
	"grid_id" integer NOT NULL,
	"line" text NOT NULL,
	"level" text NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "street_chiefs_grid_id_line_level_pk" PRIMARY KEY("grid_id","line","level"),
	CONSTRAINT "street_chiefs_line_check" CHECK ("street_chiefs"."line" in ('management', 'enforcement')),
	CONSTRAINT "street_chiefs_level_check" CHECK ("street_chiefs"."level" in ('street', 'area'))
);
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_pending_kind_check";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "chief_line" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "chief_user_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "enforcement_filed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "close_signed_line" text;--> statement-breakpoint
ALTER TABLE "chief_delegations" ADD CONSTRAINT "chief_delegations_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chief_delegations" ADD CONSTRAINT "chief_delegations_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chief_delegations" ADD CONSTRAINT "chief_delegations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_messages" ADD CONSTRAINT "education_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_messages" ADD CONSTRAINT "education_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "street_chiefs" ADD CONSTRAINT "street_chiefs_grid_id_areas_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "street_chiefs" ADD CONSTRAINT "street_chiefs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chief_delegations_from_idx" ON "chief_delegations" USING btree ("from_user_id","ends_at");--> statement-breakpoint
CREATE INDEX "chief_delegations_to_idx" ON "chief_delegations" USING btree ("to_user_id","ends_at");--> statement-breakpoint
CREATE INDEX "education_messages_pending_idx" ON "education_messages" USING btree ("created_at") WHERE "education_messages"."send_state" = 'pending';--> statement-breakpoint
CREATE INDEX "education_messages_case_idx" ON "education_messages" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "street_chiefs_user_idx" ON "street_chiefs" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_chief_user_id_users_id_fk" FOREIGN KEY ("chief_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_chief_status_idx" ON "cases" USING btree ("chief_user_id","status") WHERE "cases"."chief_user_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_chief_grid_idx" ON "cases" USING btree ("grid_id","status") WHERE "cases"."chief_line" is not null;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_chief_line_check" CHECK ("cases"."chief_line" in ('management', 'enforcement'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_close_signed_line_check" CHECK ("cases"."close_signed_line" in ('management', 'enforcement'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_pending_kind_check" CHECK ("cases"."pending_kind" in ('return', 'extension', 'hang_up', 'void', 'hand_over', 'filing'));