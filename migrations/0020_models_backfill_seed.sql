-- Hand-written (drizzle-kit generate --custom). The attribution models added in 0015 (position_based,
-- time_decay, w_shaped, data_driven) have no credit yet for data that existed before. When there are
-- leads, queue the one-off backfill (src/services/reports/model-backfill.ts, a chunk per cron tick):
-- lead credit over the touches the touch-credit sweep had reached, conversions up to now. Apply it just
-- before deploying the code that writes the new models (see README "Attribution").
INSERT INTO model_backfill (id, lead_upto, touch_upto, conversions_upto, next_lead)
SELECT 1, (SELECT max(id) FROM leads),
  coalesce((SELECT position FROM rollup_cursors WHERE name = 'touch_credit'), 0),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 0
WHERE EXISTS (SELECT 1 FROM leads);
--> statement-breakpoint
-- The event counts (views, submissions, new and referral leads) are the same in every model's row of
-- asset_model_daily: give the new models first_touch's, once, here (new events count into every model).
INSERT INTO asset_model_daily (model, asset_id, day, views, submissions, new_leads, referral_leads)
SELECT m.model, d.asset_id, d.day, d.views, d.submissions, d.new_leads, d.referral_leads
FROM asset_model_daily d
CROSS JOIN (SELECT value AS model FROM json_each('["position_based","time_decay","w_shaped","data_driven"]')) m
WHERE d.model = 'first_touch' AND true
ON CONFLICT (model, asset_id, day) DO UPDATE SET views = views + excluded.views, submissions = submissions + excluded.submissions,
  new_leads = new_leads + excluded.new_leads, referral_leads = referral_leads + excluded.referral_leads;
