-- Stored text as the app now writes it (lib/i18n/normalize.ts, docs/decisions/030):
-- names and titles of units, agencies, obstacles and bodies with Persian ی/ک, one space
-- between words and trimmed (tidyText); phones and national ids with Latin digits; the
-- search keys (*Normalized) recomputed by normalizeText, which now drops word breaks so a
-- space, a zero-width non-joiner and nothing between word parts all match.
-- The two functions are SQL twins of the TypeScript ones, used here once and dropped.

CREATE FUNCTION tashil_tidy(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(
    regexp_replace(
      translate(
        CASE WHEN s ~ '[\ufb50-\ufdff\ufe70-\ufefc]' THEN normalize(s, NFKC) ELSE s END,
        'يىك', 'ییک'),
      '[ \t\u00a0]+', ' ', 'g'),
    ' ')
$$;

CREATE FUNCTION tashil_latin_digits(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT translate(s, '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩', '01234567890123456789')
$$;

CREATE FUNCTION tashil_search_key(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(
    lower(
      tashil_latin_digits(
        translate(
          regexp_replace(
            regexp_replace(normalize(s, NFKC), '[\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]', '', 'g'),
            '[\u0640\u064b-\u065f\u0670]', '', 'g'),
          'يىكةۀھأإٱ', 'ییکههه' || 'ااا'))),
    '\s+', '', 'g')
$$;

-- Names and titles.
UPDATE "ProductionUnit" SET
  "name" = tashil_tidy("name"),
  "activity" = NULLIF(tashil_tidy("activity"), ''),
  "industrialPark" = NULLIF(tashil_tidy("industrialPark"), ''),
  "managerName" = NULLIF(tashil_tidy("managerName"), ''),
  "phone" = NULLIF(btrim(tashil_latin_digits("phone")), '');

UPDATE "Agency" SET
  "nameFa" = tashil_tidy("nameFa"),
  "nameEn" = tashil_tidy("nameEn"),
  "headName" = NULLIF(tashil_tidy("headName"), ''),
  "phone" = NULLIF(btrim(tashil_latin_digits("phone")), '');

UPDATE "Obstacle" SET "description" = tashil_tidy("description");

UPDATE "Body" SET
  "nameFa" = tashil_tidy("nameFa"),
  "nameEn" = tashil_tidy("nameEn"),
  "chairName" = NULLIF(tashil_tidy("chairName"), ''),
  "secretaryName" = NULLIF(tashil_tidy("secretaryName"), '');

-- National ids are unique: one typed in Persian digits whose Latin twin is already stored is
-- left as it is rather than failing the migration (the secretariat merges such duplicates).
UPDATE "ProductionUnit" u SET "nationalId" = tashil_latin_digits(u."nationalId")
WHERE u."nationalId" IS NOT NULL
  AND u."nationalId" <> tashil_latin_digits(u."nationalId")
  AND NOT EXISTS (
    SELECT 1 FROM "ProductionUnit" o
    WHERE o.id <> u.id AND o."nationalId" = tashil_latin_digits(u."nationalId")
  );

-- Search keys.
UPDATE "ProductionUnit" SET "nameNormalized" = tashil_search_key("name");
UPDATE "Obstacle" SET "descriptionNormalized" = tashil_search_key("description");

-- Agency names are unique per province by their key. Two names that differed only in their
-- word breaks now share a key: the one already holding it (else the older) takes it, the
-- other keeps its old key.
WITH keyed AS (
  SELECT id, tashil_search_key("nameFa") AS key,
         row_number() OVER (
           PARTITION BY "provinceId", tashil_search_key("nameFa")
           ORDER BY "nameNormalized" = tashil_search_key("nameFa") DESC, "createdAt", id
         ) AS rn
  FROM "Agency"
)
UPDATE "Agency" a SET "nameNormalized" = keyed.key
FROM keyed
WHERE keyed.id = a.id AND keyed.rn = 1 AND a."nameNormalized" <> keyed.key;

DROP FUNCTION tashil_search_key(text);
DROP FUNCTION tashil_latin_digits(text);
DROP FUNCTION tashil_tidy(text);
