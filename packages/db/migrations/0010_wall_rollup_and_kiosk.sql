CREATE TABLE "wall_daily_counts" (
	"day" date NOT NULL,
	"district_id" integer NOT NULL,
	"street_id" integer NOT NULL,
	"category_code" text NOT NULL,
	"source" text NOT NULL,
	"measure" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wall_daily_counts_day_street_id_category_code_source_measure_pk" PRIMARY KEY("day","street_id","category_code","source","measure"),
	CONSTRAINT "wall_daily_counts_measure_check" CHECK ("wall_daily_counts"."measure" in ('reported', 'accepted', 'filed', 'dispatched', 'handled', 'closed', 'closed_on_time'))
);
--> statement-breakpoint
CREATE TABLE "wall_daily_departments" (
	"day" date NOT NULL,
	"district_id" integer NOT NULL,
	"street_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"measure" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wall_daily_departments_day_street_id_department_id_measure_pk" PRIMARY KEY("day","street_id","department_id","measure"),
	CONSTRAINT "wall_daily_departments_measure_check" CHECK ("wall_daily_departments"."measure" in ('reported', 'accepted', 'filed', 'dispatched', 'handled', 'closed', 'closed_on_time'))
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "kiosk" text;--> statement-breakpoint
CREATE INDEX "wall_daily_counts_district_idx" ON "wall_daily_counts" USING btree ("district_id","day");--> statement-breakpoint
CREATE INDEX "wall_daily_departments_district_idx" ON "wall_daily_departments" USING btree ("district_id","day");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_kiosk_check" CHECK ("sessions"."kiosk" is null or "sessions"."kiosk" = 'wall');