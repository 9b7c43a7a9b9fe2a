-- HAND-WRITTEN data migration (issue 11, consent decides nurture), to run after 0011_consent_records.
-- Every asset's gate form gets the new consent shape: form.consent = {mode, text, version, basis} (always present)
-- and form.privacy = {required}. Before this, form.consent was null (no box) or {text, required, version}.
-- A box that had to be ticked made marketing a condition of the asset, which GDPR Art. 7(4) and PIPL Art. 16
-- forbid for EU and Chinese visitors, so every old form becomes `optional`: the marketer's words are kept, the box
-- no longer blocks the download, and only a lead who ticks it is nurtured. The privacy notice shows as a line of
-- text (no box). A marketer who may lawfully require consent sets `required` with its legal basis afterwards.
UPDATE assets SET form = json_set(
  form,
  '$.consent', json_object(
    'mode', 'optional',
    'text', coalesce(json_extract(form, '$.consent.text'), ''),
    'version', coalesce(json_extract(form, '$.consent.version'), 'v1'),
    'basis', NULL
  ),
  '$.privacy', json_object('required', json('false'))
)
WHERE json_type(form, '$.privacy') IS NULL;
