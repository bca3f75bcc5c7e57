package keystone.tests.migrations;

import static keystone.tests.migrations.ShopFlowChainPostgresTest.execute;
import static keystone.tests.migrations.ShopFlowChainPostgresTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;
import keystone.engine.Keystone;
import keystone.engine.MigrationException;
import keystone.testing.MigrationTestHelper;
import keystone.tests.postgres.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ForeignKeyMigrationTest}'s scenario on a real PostgreSQL: the generated migration adds
 * {@code fk_books_author_id} NOT VALID with its index in one transaction, validates it in a
 * second, and on orphans takes both out again, leaving the database at version 1.
 */
class ForeignKeyMigrationPostgresTest {
  MigrationTestHelper helper = new MigrationTestHelper(null).schemaLocation(Exports.SCHEMAS);

  @BeforeEach
  void versionOne() throws Exception {
    Postgres.freshDatabase();
    helper.createPostgresDatabase(Library.class, 1, Postgres.dataSource());
  }

  @Test
  void cleanDataMigratesAndTheKeyIsEnforced() throws SQLException {
    execute(ForeignKeyMigrationTest.AUTHORS_AND_BOOKS);
    try (Library db = Keystone.builder(Library.class).postgres(Postgres.url()).build()) {
      assertEquals(2L, db.query("SELECT version FROM keystone_schema").get(0)[0]);
      ForeignKeyMigrationTest.assertKeyAdded(db);
      assertEquals(List.of(true), db.query("SELECT convalidated FROM pg_constraint"
          + " WHERE conname = 'fk_books_author_id'").stream().map(r -> r[0].equals(1L)).toList());
    }
  }

  @Test
  void orphansRollTheMigrationBackAndAreListed() throws SQLException {
    execute(ForeignKeyMigrationTest.ORPHANS);
    ForeignKeyMigrationTest.assertOrphansListed(assertThrows(MigrationException.class,
        () -> Keystone.builder(Library.class).postgres(Postgres.url()).build()));
    assertEquals(List.of("1"), query("SELECT version FROM keystone_schema"));
    assertEquals(List.of("3"), query("SELECT count(*) FROM books"));
    assertEquals(List.of(), query("SELECT conname FROM pg_constraint"
        + " WHERE conrelid = 'books'::regclass AND contype = 'f'"), "books has no key");
    assertEquals(List.of(), query("SELECT indexname FROM pg_indexes"
        + " WHERE tablename = 'books' AND indexname = 'idx_books_author_id'"));
  }
}
