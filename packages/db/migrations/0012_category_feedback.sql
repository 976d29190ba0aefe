CREATE TABLE "category_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint,
	"text" text NOT NULL,
	"address" text,
	"suggested" jsonb NOT NULL,
	"model_version" text NOT NULL,
	"chosen_kind" text NOT NULL,
	"chosen_code" text NOT NULL,
	"corrected" boolean NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "category_feedback" ADD CONSTRAINT "category_feedback_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_feedback" ADD CONSTRAINT "category_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "category_feedback_corrected_idx" ON "category_feedback" USING btree ("id") WHERE "category_feedback"."corrected";