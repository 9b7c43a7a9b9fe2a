CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `consent_texts` (
	`hash` text PRIMARY KEY NOT NULL,
	`locale` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `marketing_consent` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `consent_ip_hash` text;--> statement-breakpoint
CREATE INDEX `leads_legacy_consent_ip` ON `leads` (`id`) WHERE consent_ip IS NOT NULL;--> statement-breakpoint
ALTER TABLE `touches` ADD `consent_marketing` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `consent_mode` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `consent_version` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `consent_privacy` integer;--> statement-breakpoint
ALTER TABLE `touches` ADD `consent_text_hash` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `consent_ip_hash` text;