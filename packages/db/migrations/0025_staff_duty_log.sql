CREATE TABLE "staff_duty_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"on_duty" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_duty_log" ADD CONSTRAINT "staff_duty_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_duty_log_user_at_idx" ON "staff_duty_log" USING btree ("user_id","at");--> statement-breakpoint
INSERT INTO "staff_duty_log" ("user_id", "on_duty", "at") SELECT "user_id", "on_duty", "since" FROM "staff_duty";
