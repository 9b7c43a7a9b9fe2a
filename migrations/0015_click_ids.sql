ALTER TABLE `touches` ADD `gclid` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `msclkid` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `fbclid` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `fbc` text;--> statement-breakpoint
ALTER TABLE `touches` ADD `click_ids` text;--> statement-breakpoint
CREATE INDEX `leads_mql_at` ON `leads` (`mql_at`) WHERE mql_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `outcomes_stage_at` ON `outcomes` (`stage`,`at`);