ALTER TABLE `events` ADD `machine` text;--> statement-breakpoint
ALTER TABLE `sends` ADD `sent_at` integer;--> statement-breakpoint
ALTER TABLE `sends` ADD `machine_opened_at` integer;--> statement-breakpoint
ALTER TABLE `sends` ADD `machine_clicked_at` integer;