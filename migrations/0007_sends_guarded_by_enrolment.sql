DROP INDEX `sends_enrolment_step`;--> statement-breakpoint
CREATE INDEX `sends_clicked` ON `sends` (`enrolment_id`) WHERE "sends"."clicked_at" IS NOT NULL;