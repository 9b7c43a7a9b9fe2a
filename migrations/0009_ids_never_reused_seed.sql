-- Hand-written (drizzle-kit generate --custom). 0008 gave these tables AUTOINCREMENT; SQLite starts their
-- sequence at the highest id still present. An endpoint or rule deleted before 0008 may have had a higher id
-- that deliveries or ledger rows still point at: start each sequence past those too, so it is never handed out.
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(endpoint_id), 0) FROM webhook_deliveries)) WHERE name = 'webhook_endpoints';--> statement-breakpoint
INSERT INTO sqlite_sequence (name, seq)
SELECT 'webhook_endpoints', m FROM (SELECT max(endpoint_id) AS m FROM webhook_deliveries)
WHERE m IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'webhook_endpoints');--> statement-breakpoint
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(rule_id), 0) FROM score_ledger)) WHERE name = 'score_rules';--> statement-breakpoint
INSERT INTO sqlite_sequence (name, seq)
SELECT 'score_rules', m FROM (SELECT max(rule_id) AS m FROM score_ledger)
WHERE m IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'score_rules');
