ALTER TABLE "case_calls" DROP CONSTRAINT "case_calls_state_check";--> statement-breakpoint
ALTER TABLE "case_calls" ADD CONSTRAINT "case_calls_state_check" CHECK ("case_calls"."state" in ('calling', 'accepted', 'declined', 'expired'));--> statement-breakpoint
ALTER TABLE "case_calls" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "case_calls" SET "expires_at" = "called_at" + interval '180 seconds';--> statement-breakpoint
ALTER TABLE "case_calls" ALTER COLUMN "expires_at" SET NOT NULL;
