CREATE TABLE `routing_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`match` text NOT NULL,
	`match_values` text NOT NULL,
	`team` text NOT NULL,
	`turns` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `routing_rules_position` ON `routing_rules` (`position`);--> statement-breakpoint
ALTER TABLE `leads` ADD `owner_id` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `owner_assigned_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `accept_by` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `accepted_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `routing_rule_id` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `routing_tried` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `routing_flagged_at` integer;--> statement-breakpoint
CREATE INDEX `leads_accept_by` ON `leads` (`accept_by`) WHERE accept_by IS NOT NULL;--> statement-breakpoint
CREATE INDEX `leads_owner` ON `leads` (`owner_id`,`updated_at`) WHERE owner_id IS NOT NULL;