CREATE TABLE "staff_positions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"accuracy_m" real,
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_positions" ADD CONSTRAINT "staff_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_positions_user_at_uq" ON "staff_positions" USING btree ("user_id","at");--> statement-breakpoint
CREATE TABLE "staff_duty" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"on_duty" boolean NOT NULL,
	"since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_duty" ADD CONSTRAINT "staff_duty_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "case_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"called_by" integer NOT NULL,
	"distance_m" integer NOT NULL,
	"state" text DEFAULT 'calling' NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "case_calls_state_check" CHECK ("case_calls"."state" in ('calling', 'accepted', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "case_calls" ADD CONSTRAINT "case_calls_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_calls" ADD CONSTRAINT "case_calls_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_calls" ADD CONSTRAINT "case_calls_called_by_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_calls_case_idx" ON "case_calls" USING btree ("case_id","called_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_calls_open_user_uq" ON "case_calls" USING btree ("user_id") WHERE "case_calls"."state" = 'calling';
