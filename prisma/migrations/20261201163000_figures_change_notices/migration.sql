-- Tell every app instance which provinces' dashboard figures a committed transaction changed
-- (docs/decisions/130-provincial-figures-kept-until-changed.md). Statement-level triggers read
-- the changed rows from a transition table named "changed", find their provinces with the
-- query passed as the trigger's argument, and NOTIFY one payload per province ('*' when a
-- row belongs to no province, e.g. a national category). PostgreSQL delivers a NOTIFY only
-- when the transaction commits, and sends one of each distinct payload per transaction, so a
-- 5,000-row import costs one notice per province. No row is locked: writers never wait on
-- each other because of this.
CREATE FUNCTION tashil_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  province text;
BEGIN
  FOR province IN EXECUTE TG_ARGV[0] LOOP
    PERFORM pg_notify('tashil_figures', coalesce(province, '*'));
  END LOOP;
  RETURN NULL;
END
$$;

-- A transition table may serve one event only, so each table has three triggers.
DO $$
DECLARE
  spec record;
  event text;
  rows text;
BEGIN
  FOR spec IN SELECT * FROM (VALUES
    ('Resolution', 'select distinct c."provinceId" from changed c'),
    ('Obstacle', 'select distinct c."provinceId" from changed c'),
    ('ProductionUnit', 'select distinct c."provinceId" from changed c'),
    ('Meeting', 'select distinct c."provinceId" from changed c'),
    ('Body', 'select distinct c."provinceId" from changed c'),
    ('Agency', 'select distinct c."provinceId" from changed c'),
    ('County', 'select distinct c."provinceId" from changed c'),
    ('ResolutionObstacle', 'select distinct r."provinceId" from changed c join "Resolution" r on r.id = c."resolutionId"'),
    ('ExtensionRequest', 'select distinct r."provinceId" from changed c join "Resolution" r on r.id = c."resolutionId"'),
    ('UnitStatusChange', 'select distinct u."provinceId" from changed c join "ProductionUnit" u on u.id = c."unitId"'),
    ('Attendance', 'select distinct m."provinceId" from changed c join "Meeting" m on m.id = c."meetingId"'),
    ('MeetingInvitee', 'select distinct m."provinceId" from changed c join "Meeting" m on m.id = c."meetingId"'),
    ('BodyMember', 'select distinct b."provinceId" from changed c join "Body" b on b.id = c."bodyId"'),
    -- Categories are national: every province's figures name them.
    ('ObstacleCategory', 'select null::text from changed c limit 1')
  ) AS s(tbl, query) LOOP
    FOREACH event IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
      rows := CASE event WHEN 'DELETE' THEN 'OLD' ELSE 'NEW' END;
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed(%L)',
        'figures_changed_' || lower(event), event, spec.tbl, rows, spec.query
      );
    END LOOP;
  END LOOP;
END
$$;
