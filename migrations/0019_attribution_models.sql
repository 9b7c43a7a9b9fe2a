CREATE TABLE `lead_paths` (
	`lead_id` integer PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`credited_version` integer
);
--> statement-breakpoint
CREATE TABLE `markov_transitions` (
	`stage` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`journeys` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`stage`, `from_state`, `to_state`)
);
--> statement-breakpoint
CREATE TABLE `markov_weights` (
	`version` integer NOT NULL,
	`stage` text NOT NULL,
	`channel` text NOT NULL,
	`weight` real NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`version`, `stage`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `model_backfill` (
	`id` integer PRIMARY KEY NOT NULL,
	`lead_upto` integer NOT NULL,
	`touch_upto` integer NOT NULL,
	`conversions_upto` integer NOT NULL,
	`next_lead` integer DEFAULT 0 NOT NULL,
	`nonce` text DEFAULT '' NOT NULL
);
