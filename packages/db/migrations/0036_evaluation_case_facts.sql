CREATE TABLE "evaluation_case_facts" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"facts" jsonb,
	"facts_seq" bigint,
	"latest_seq" bigint
);
--> statement-breakpoint
ALTER TABLE "evaluation_case_facts" ADD CONSTRAINT "evaluation_case_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- No facts are kept yet, so the evaluation-facts consumer has nothing to mark stale in
-- the stream so far: it starts at the head instead of replaying the whole history.
INSERT INTO "case_event_consumers" ("name", "position") SELECT 'evaluation-facts', coalesce(max("seq"), 0) FROM "case_events" ON CONFLICT ("name") DO NOTHING;
