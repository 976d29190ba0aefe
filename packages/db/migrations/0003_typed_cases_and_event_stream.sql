CREATE TABLE "case_event_consumers" (
	"name" text PRIMARY KEY NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_event_stream_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "case_event_stream_head_one_row" CHECK ("case_event_stream_head"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "actor_kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_seq_uq" ON "case_events" USING btree ("seq");--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_kind_check" CHECK ("case_events"."actor_kind" in ('person', 'system'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('reported', 'accepted', 'verifying', 'filed', 'dispatched', 'handling', 'fed_back', 'checking', 'closed', 'voided', 'merged', 'hung_up'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_source_check" CHECK ("cases"."source" in ('collector', 'public', 'hotline', 'video', 'iot', 'leader', 'media', 'patrol'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" in ('component', 'event'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_urgency_check" CHECK ("cases"."urgency" in ('normal', 'urgent'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_pending_kind_check" CHECK ("cases"."pending_kind" in ('return', 'extension', 'hang_up', 'void'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_check_result_check" CHECK ("cases"."check_result" in ('passed', 'failed'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_hung_up_from_check" CHECK ("cases"."hung_up_from" in ('reported', 'accepted', 'verifying', 'filed', 'dispatched', 'handling', 'fed_back', 'checking', 'closed', 'voided', 'merged', 'hung_up'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_stage_check" CHECK ("cases"."stage" in ('accept', 'file', 'dispatch', 'handle', 'check', 'close'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_stage_unit_check" CHECK ("cases"."stage_unit" in ('natural_hours', 'working_hours', 'working_days'));--> statement-breakpoint
UPDATE "case_events" SET "actor_kind" = 'system' WHERE "actor_id" IS NULL AND "action" IN ('autoDispatch', 'autoMerge');--> statement-breakpoint
-- Events written before the stream existed get positions in their id order.
UPDATE "case_events" AS e SET "seq" = n.rn FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS rn FROM "case_events") AS n WHERE e."id" = n."id";--> statement-breakpoint
INSERT INTO "case_event_stream_head" ("id", "seq") SELECT 1, coalesce(max("seq"), 0) FROM "case_events";--> statement-breakpoint
-- The stream position is given at commit (a deferred trigger), under the head row's lock,
-- so positions follow commit order with no gaps: a consumer that read up to n never later
-- finds an event below n. The lock is the last one a committing transaction takes, so it
-- cannot join a deadlock. NOTIFY tells every BFF process listening (live screens).
CREATE FUNCTION "case_events_assign_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_seq bigint;
BEGIN
  UPDATE "case_event_stream_head" SET "seq" = "seq" + 1 WHERE "id" = 1 RETURNING "seq" INTO next_seq;
  UPDATE "case_events" SET "seq" = next_seq WHERE "id" = NEW."id";
  PERFORM pg_notify('case_events', next_seq::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "case_events_assign_seq" AFTER INSERT ON "case_events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "case_events_assign_seq"();--> statement-breakpoint
-- Append-only: history is never rewritten (deleting a case still cascades).
CREATE FUNCTION "case_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The one update allowed: giving a new event its stream position.
  IF OLD."seq" IS NULL AND NEW."seq" IS NOT NULL AND to_jsonb(NEW) - 'seq' = to_jsonb(OLD) - 'seq' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'case_events is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "case_events_append_only" BEFORE UPDATE ON "case_events"
  FOR EACH ROW EXECUTE FUNCTION "case_events_refuse_change"();
