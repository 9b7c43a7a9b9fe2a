CREATE TABLE `email_copies` (
	`id` integer PRIMARY KEY NOT NULL,
	`step_id` integer NOT NULL,
	`locale` text NOT NULL,
	`subject` text NOT NULL,
	`preheader` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_copies_step_locale` ON `email_copies` (`step_id`,`locale`);