CREATE TABLE `tagged_links` (
	`id` integer PRIMARY KEY NOT NULL,
	`asset_id` integer NOT NULL,
	`url` text NOT NULL,
	`utm_source` text NOT NULL,
	`utm_medium` text NOT NULL,
	`utm_campaign` text NOT NULL,
	`utm_content` text,
	`utm_term` text,
	`created_by_kind` text NOT NULL,
	`created_by_id` integer,
	`created_by_label` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `touches` ADD `gclid` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `msclkid` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `fbclid` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `fbc` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `click_ids` text;--> statement-breakpoint
CREATE INDEX `leads_mql_at` ON `leads` (`mql_at`) WHERE mql_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `outcomes_stage_at` ON `outcomes` (`stage`,`at`);