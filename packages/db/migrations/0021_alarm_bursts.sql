-- Alarm bursts: a machine source may give each alarm its own id, so a retried batch
-- saves nothing twice (the intake inserts with ON CONFLICT DO NOTHING on this index).
ALTER TABLE "alarms" ADD COLUMN "source_alarm_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_source_alarm_idx" ON "alarms" USING btree ("subject","source_alarm_id");--> statement-breakpoint
-- The open problem of a subject: the latest alarm that opened a case (one per case), so
-- the lookup does not walk every sighting of a camera that alarms every minute.
CREATE INDEX "alarms_opened_idx" ON "alarms" USING btree ("subject","type","at") WHERE "alarms"."outcome" = 'opened';
