-- What Language that cares found in a record when it was saved, as the page shows it, so that the
-- page shown after the save tells its writer what was found at that moment, without matching the
-- text a second time (docs/practice-guidance.md, language that cares). Checks made before this
-- change keep their counts; their findings were shown when they were saved.
ALTER TABLE language_checks ADD COLUMN findings TEXT NOT NULL DEFAULT '{}';
