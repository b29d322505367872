-- Persian alphabetical order for the names people sort by. Databases created with the C
-- locale would otherwise put پ چ ژ ک گ ی after the rest of the alphabet. ICU ships with
-- PostgreSQL (and inside the embedded-postgres package).
CREATE COLLATION IF NOT EXISTS "persian" (provider = icu, locale = 'fa');

ALTER TABLE "ProductionUnit" ALTER COLUMN "name" TYPE TEXT COLLATE "persian";
ALTER TABLE "Agency" ALTER COLUMN "nameFa" TYPE TEXT COLLATE "persian";
ALTER TABLE "County" ALTER COLUMN "nameFa" TYPE TEXT COLLATE "persian";
ALTER TABLE "User" ALTER COLUMN "name" TYPE TEXT COLLATE "persian";
ALTER TABLE "ObstacleCategory" ALTER COLUMN "nameFa" TYPE TEXT COLLATE "persian";
