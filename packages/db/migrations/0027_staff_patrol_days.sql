CREATE TABLE "staff_patrol_days" (
	"user_id" integer NOT NULL,
	"day" date NOT NULL,
	"mileage_m" double precision NOT NULL,
	"fixes" integer NOT NULL,
	CONSTRAINT "staff_patrol_days_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
ALTER TABLE "staff_patrol_days" ADD CONSTRAINT "staff_patrol_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;