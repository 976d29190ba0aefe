CREATE TABLE "wall_daily_counts" (
	"dimension" text NOT NULL,
	"measure" text NOT NULL,
	"day" date NOT NULL,
	"district_id" integer NOT NULL,
	"street_id" integer NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wall_daily_counts_dimension_measure_day_street_id_key_pk" PRIMARY KEY("dimension","measure","day","street_id","key"),
	CONSTRAINT "wall_daily_counts_dimension_check" CHECK ("wall_daily_counts"."dimension" in ('all', 'category', 'source', 'department')),
	CONSTRAINT "wall_daily_counts_measure_check" CHECK ("wall_daily_counts"."measure" in ('reported', 'accepted', 'filed', 'dispatched', 'handled', 'closed', 'closed_on_time'))
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "kiosk" text;--> statement-breakpoint
CREATE INDEX "wall_daily_counts_district_idx" ON "wall_daily_counts" USING btree ("district_id","dimension","measure","day");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_kiosk_check" CHECK ("sessions"."kiosk" is null or "sessions"."kiosk" = 'wall');