CREATE TABLE `captured_emails` (
	`id` text PRIMARY KEY NOT NULL,
	`request_key` text,
	`request_hash` text NOT NULL,
	`position` integer NOT NULL,
	`from` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`html` text,
	`text` text,
	`headers` text DEFAULT '{}' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `captured_emails_created` ON `captured_emails` (`created_at`);--> statement-breakpoint
CREATE INDEX `captured_emails_request` ON `captured_emails` (`request_key`);--> statement-breakpoint
DROP INDEX `enrolments_due`;--> statement-breakpoint
ALTER TABLE `enrolments` ADD `session_id` integer;--> statement-breakpoint
ALTER TABLE `enrolments` ADD `started_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `enrolments_due` ON `enrolments` (`next_due_at`) WHERE "enrolments"."next_due_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `sends` ADD `batch_key` text;