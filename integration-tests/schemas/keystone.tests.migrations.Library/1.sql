-- identityHash: 1133412880a3d916bccf46e9da428105cbecb0d733a556b695fa55d18f965958
-- keystone.tests.migrations.Library, version 1, as Keystone runs it

CREATE TABLE authors (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE books (
  id INTEGER NOT NULL PRIMARY KEY,
  title TEXT NOT NULL,
  author_id INTEGER NOT NULL
);
