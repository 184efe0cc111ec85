-- 10 -> 11: an article's mentions are one row, not a row each.  A mention row was three B-tree
-- inserts (the table, the article's index, the entity's) and two foreign-key look-ups; with
-- about 50 mentions an article, storing them was the largest part of an import's writer.
-- Mentions are only ever read an article at a time (the reader), so article_mentions.data
-- holds them all, in text order, as a JSON array of [kind, start, end, entity_id, value]
-- (kind: "p" person, "l" place, "o" organisation, "d" date; entity_id and value left out when
-- null and last).  Which articles name an entity, the one question asked across articles
-- (is an entity still named anywhere?), is entity_articles: one row per entity per article.
-- The view mentions gives the rows the table gave; a mention of an entity since deleted is
-- left out, as the table's ON DELETE CASCADE removed it.
CREATE TABLE article_mentions (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  data TEXT NOT NULL
);
CREATE TABLE entity_articles (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_articles_entity ON entity_articles (entity_id);

INSERT INTO article_mentions (article_id, data)
  SELECT article_id, json_group_array (json (item))
  FROM (SELECT article_id,
               CASE
                 WHEN value IS NOT NULL THEN json_array (k, start, end, entity_id, value)
                 WHEN entity_id IS NOT NULL THEN json_array (k, start, end, entity_id)
                 ELSE json_array (k, start, end)
               END AS item
        FROM (SELECT *, CASE kind WHEN 'person' THEN 'p' WHEN 'place' THEN 'l'
                                  WHEN 'organisation' THEN 'o' ELSE 'd' END AS k
              FROM mentions)
        ORDER BY article_id, start, end, id)
  GROUP BY article_id;
INSERT INTO entity_articles (article_id, entity_id)
  SELECT DISTINCT article_id, entity_id FROM mentions WHERE entity_id IS NOT NULL;
DROP TABLE mentions;

CREATE VIEW mentions (article_id, entity_id, kind, start, end, value) AS
  SELECT m.article_id, j.value ->> 3,
         CASE j.value ->> 0 WHEN 'p' THEN 'person' WHEN 'l' THEN 'place'
                            WHEN 'o' THEN 'organisation' ELSE 'date' END,
         j.value ->> 1, j.value ->> 2, j.value ->> 4
  FROM article_mentions m, json_each (m.data) j
  WHERE j.value ->> 3 IS NULL
     OR EXISTS (SELECT 1 FROM entities e WHERE e.id = j.value ->> 3);
