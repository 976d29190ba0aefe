CREATE TABLE "case_search" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"tokens" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wall_daily_counts" DROP CONSTRAINT "wall_daily_counts_dimension_check";--> statement-breakpoint
ALTER TABLE "wall_daily_counts" DROP CONSTRAINT "wall_daily_counts_measure_check";--> statement-breakpoint
ALTER TABLE "case_search" ADD CONSTRAINT "case_search_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_search_tokens_idx" ON "case_search" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "wall_daily_counts_spot_idx" ON "wall_daily_counts" USING btree ("day","district_id") WHERE "wall_daily_counts"."dimension" = 'spot' and "wall_daily_counts"."n" >= 2;--> statement-breakpoint
ALTER TABLE "wall_daily_counts" ADD CONSTRAINT "wall_daily_counts_dimension_check" CHECK ("wall_daily_counts"."dimension" in ('all', 'category', 'source', 'department', 'week_hour', 'grid', 'spot', 'duration'));--> statement-breakpoint
ALTER TABLE "wall_daily_counts" ADD CONSTRAINT "wall_daily_counts_measure_check" CHECK ("wall_daily_counts"."measure" in ('reported', 'accepted', 'filed', 'dispatched', 'handled', 'closed', 'closed_on_time', 'extended', 'reworked'));--> statement-breakpoint
-- The wall rollup gained analytics rows (week × hour, grid, 50 m spot, close durations, extensions,
-- reworks): count the whole stream again from its start, so history has them too.
DELETE FROM "wall_daily_counts";--> statement-breakpoint
UPDATE "case_event_consumers" SET "position" = 0 WHERE "name" = 'wall-rollup';
