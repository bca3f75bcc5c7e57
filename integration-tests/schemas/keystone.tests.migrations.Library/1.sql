-- keystone.tests.migrations.Library, version 1, written by hand: books.author_id has no key yet

CREATE TABLE authors (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE books (
  id INTEGER NOT NULL PRIMARY KEY,
  title TEXT NOT NULL,
  author_id INTEGER NOT NULL
);
