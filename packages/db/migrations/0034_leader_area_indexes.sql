DROP INDEX "cases_reported_at_idx";--> statement-breakpoint
CREATE INDEX "cases_closed_at_idx" ON "cases" USING btree ("closed_at","district_id","street_id") WHERE "cases"."status" = 'closed';--> statement-breakpoint
CREATE INDEX "cases_open_area_idx" ON "cases" USING btree ("district_id","street_id","stage_deadline_at","paused_at","supervised") WHERE "cases"."status" not in ('closed', 'voided', 'merged');--> statement-breakpoint
CREATE INDEX "cases_reported_at_idx" ON "cases" USING btree ("reported_at","district_id","street_id");