DROP INDEX `sends_resend_id`;--> statement-breakpoint
CREATE INDEX `sends_resend_id` ON `sends` (`resend_id`) WHERE "sends"."resend_id" IS NOT NULL;