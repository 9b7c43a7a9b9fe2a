ALTER TABLE `assets` ADD `link_url` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `cover_key` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `cover_type` text;