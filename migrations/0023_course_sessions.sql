CREATE TABLE `session_registrations` (
	`id` integer PRIMARY KEY NOT NULL,
	`session_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`attendance` text,
	`attended_minutes` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_registrations_session_lead` ON `session_registrations` (`session_id`,`lead_id`);--> statement-breakpoint
CREATE INDEX `session_registrations_lead` ON `session_registrations` (`lead_id`);--> statement-breakpoint
ALTER TABLE `course_sessions` ADD `capacity` integer;--> statement-breakpoint
ALTER TABLE `course_sessions` ADD `status` text DEFAULT 'scheduled' NOT NULL;--> statement-breakpoint
ALTER TABLE `course_sessions` ADD `calendar_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `course_sessions` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `captured_emails` ADD `attachments` text DEFAULT '[]' NOT NULL;