package keystone.tests.migrations;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.AutoMigration;
import keystone.Database;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;
import keystone.engine.KeystoneDatabase;

/**
 * Version 2 gives {@code books.author_id}, a plain column in version 1 (committed under
 * {@code integration-tests/schemas/}), a foreign key: the change SQLite's ALTER TABLE cannot make
 * (a rebuild there), and one PostgreSQL adds NOT VALID and validates apart.
 */
@Database(entities = {Library.Author.class, Library.Book.class}, version = 2,
    autoMigrations = @AutoMigration(from = 1, to = 2))
public interface Library extends KeystoneDatabase {
  @Entity(table = "authors")
  record Author(@PrimaryKey long id, @NotNull String name) {}

  @Entity(table = "books")
  record Book(
      @PrimaryKey long id,
      @NotNull String title,
      @ForeignKey(entity = Author.class, onDelete = CASCADE) long authorId) {}
}
