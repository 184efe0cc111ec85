-- 0 -> 1: articles and their full-text index
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  source TEXT,
  url TEXT,
  date_publish TEXT,
  authors TEXT,
  language TEXT,
  path TEXT,
  text TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  imported_at INTEGER NOT NULL
);
CREATE INDEX articles_date ON articles (date_publish);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text, content='articles', content_rowid='id', tokenize='rasd_arabic'
);
