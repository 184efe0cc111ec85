-- 7 -> 8: the CHECK constraints that listed the allowed values with IN (an entity's and a
-- mention's kind, an event's role) list them with = ... OR ...: SQLite evaluates an IN list of
-- three values or more by building a temporary index for every row inserted, which was most
-- of the cost of storing a mention, an entity or an event.  The same constraints, so no row
-- changes: only their text in the schema does, as SQLite documents for changing a CHECK
-- constraint (the schema version is bumped after the migrations, see migrate()).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace (sql, 'CHECK (kind IN (''person'', ''place'', ''organisation''))',
                      'CHECK (kind = ''person'' OR kind = ''place'' OR kind = ''organisation'')')
 WHERE type = 'table' AND name = 'entities';
UPDATE sqlite_schema
   SET sql = replace (sql, 'CHECK (kind IN (''person'', ''place'', ''organisation'', ''date''))',
                      'CHECK (kind = ''person'' OR kind = ''place'' OR kind = ''organisation'' OR kind = ''date'')')
 WHERE type = 'table' AND name = 'mentions';
UPDATE sqlite_schema
   SET sql = replace (sql, 'CHECK (role IN (''headline'', ''background'', ''planned''))',
                      'CHECK (role = ''headline'' OR role = ''background'' OR role = ''planned'')')
 WHERE type = 'table' AND name = 'events';
PRAGMA writable_schema = OFF;
