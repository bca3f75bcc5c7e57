package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import javax.tools.JavaFileObject;
import keystone.engine.Keystone;
import keystone.engine.KeystoneDatabase;
import keystone.engine.UniqueViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Index(constraint = true)} through an auto-migration: the export records it; on SQLite a
 * change of the constraint rebuilds the table (SQLite cannot add or drop a table constraint in
 * place), on PostgreSQL it is dropped and added as a named constraint; the rows survive, and the
 * new constraint is in force.
 */
class ConstraintMigrationRunTest {
  @TempDir Path dir;

  private static JavaFileObject stock(String columns, String unique) {
    return Sources.of("test.Stock",
        "package test;",
        "import keystone.*;",
        "@Entity(table = \"stock\", indices = @Index(name = \"ux_stock\", columns = {" + unique
            + "}, unique = true, constraint = true))",
        "public record Stock(@PrimaryKey(autoGenerate = true) long id, " + columns + ") {}");
  }

  private Compilation compile(JavaFileObject... sources) {
    return AutoMigrationRunTest.compileExporting(dir.resolve("schemas"), sources);
  }

  @Test
  void aChangedUniqueConstraintRebuildsTheTableAndHolds() throws Exception {
    Compilation v1 = compile(stock("@NotNull String shop, @NotNull String sku",
        "\"shop\", \"sku\""), AutoMigrationTest.db("Stock.class", 1, ""));
    assertThat(Files.readString(dir.resolve("schemas/test.Db/1.json")))
        .contains("\"constraint\": true");
    Path file = dir.resolve("stock.db");
    try (KeystoneDatabase db = Keystone.open(AutoMigrationRunTest.database(v1), file)) {
      db.execute("INSERT INTO stock (id, shop, sku) VALUES (1, 's1', 'A'), (2, 's1', 'B')");
    }
    Compilation v2 = compile(stock("@NotNull String shop, @NotNull String sku, String bin",
        "\"shop\", \"sku\", \"bin\""), AutoMigrationTest.db("Stock.class", 2,
        "@AutoMigration(from = 1, to = 2)"));
    try (KeystoneDatabase db = Keystone.open(AutoMigrationRunTest.database(v2), file)) {
      assertThat(db.query("SELECT count(*) FROM stock").get(0)[0]).isEqualTo(2L);
      // (shop, sku) may repeat now, (shop, sku, bin) may not; still an automatic index.
      db.execute("INSERT INTO stock (id, shop, sku, bin) VALUES (3, 's1', 'A', 'left')");
      assertThrows(UniqueViolationException.class,
          () -> db.execute(
              "INSERT INTO stock (id, shop, sku, bin) VALUES (4, 's1', 'A', 'left')"));
      assertThat(db.query("SELECT count(*) FROM pragma_index_list('stock') WHERE origin = 'u'")
          .get(0)[0]).isEqualTo(1L);
      assertThat(db.query("PRAGMA user_version").get(0)[0]).isEqualTo(2L);
    }
  }

  @Test
  void onPostgresTheConstraintIsDroppedAndAddedAsAConstraint() throws Exception {
    Compilation v1 = compile(stock("@NotNull String shop, @NotNull String sku",
        "\"shop\", \"sku\""), AutoMigrationTest.db("Stock.class", 1, ""));
    Compilation v2 = compile(stock("@NotNull String shop, @NotNull String sku, String bin",
        "\"shop\", \"sku\", \"bin\""), AutoMigrationTest.db("Stock.class", 2,
        "@AutoMigration(from = 1, to = 2)"));
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      DataSource source = postgres.getPostgresDatabase();
      try (KeystoneDatabase db =
          Keystone.builder(AutoMigrationRunTest.database(v1)).postgres(source).build()) {
        db.execute("INSERT INTO stock (id, shop, sku) VALUES (1, 's1', 'A'), (2, 's1', 'B')");
        assertThat(db.query("SELECT contype FROM pg_constraint WHERE conname = 'ux_stock'")
            .get(0)[0]).isEqualTo("u");
      }
      try (KeystoneDatabase db =
          Keystone.builder(AutoMigrationRunTest.database(v2)).postgres(source).build()) {
        db.execute("INSERT INTO stock (id, shop, sku, bin) VALUES (3, 's1', 'A', 'left')");
        assertThrows(UniqueViolationException.class, () -> db.execute(
            "INSERT INTO stock (id, shop, sku, bin) VALUES (4, 's1', 'A', 'left')"));
        assertThat(db.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE conname = 'ux_stock'").get(0)[0]).isEqualTo("UNIQUE (shop, sku, bin)");
      }
    }
  }
}
