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
