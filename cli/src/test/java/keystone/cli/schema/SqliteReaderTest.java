package keystone.cli.schema;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Key;
import keystone.cli.schema.SourceSchema.Table;
import org.junit.jupiter.api.Test;

/** What the pragmas leave out, read back from CREATE TABLE text however it is spelt. */
class SqliteReaderTest {
  private static SourceSchema read(String ddl) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = c.createStatement()) {
      st.executeUpdate(ddl);
      return new SqliteReader(c).read();
    }
  }

  @Test
  void keysComeBackInDeclarationOrderWithNamesAndDeferral() throws Exception {
    SourceSchema s = read("CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT UNIQUE);"
        + "CREATE TABLE \"the child\" (\n"
        + "  a INTEGER CONSTRAINT \"fk one\" REFERENCES p(id) ON DELETE CASCADE"
        + " DEFERRABLE INITIALLY DEFERRED, -- a comment, with a comma\n"
        + "  [b] TEXT REFERENCES p(code) DEFERRABLE INITIALLY IMMEDIATE,\n"
        + "  `c` INTEGER REFERENCES p NOT DEFERRABLE,\n"
        + "  CONSTRAINT two FOREIGN KEY (a, b) REFERENCES p (id, code) /* (, */ ON UPDATE SET NULL"
        + ")");
    List<Key> keys = s.table("the child").orElseThrow().keys();
    assertThat(keys.stream().map(Key::name).toList())
        .containsExactly("fk one", "fk_the child_b", "fk_the child_c", "two").inOrder();
    assertTrue(keys.get(0).initiallyDeferred());
    assertEquals("CASCADE", keys.get(0).onDelete());
    assertTrue(keys.get(1).deferrable());
    assertFalse(keys.get(1).initiallyDeferred());
    assertFalse(keys.get(2).deferrable());
    assertThat(keys.get(2).parentColumns()).containsExactly("id");
    assertEquals("SET NULL", keys.get(3).onUpdate());
  }

  @Test
  void checksGeneratedColumnsCollationsAndTableOptions() throws Exception {
    Table t = read("CREATE TABLE t (\n"
        + "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
        + "  qty INTEGER NOT NULL CONSTRAINT positive CHECK (qty > (0)) DEFAULT 1,\n"
        + "  name TEXT COLLATE NOCASE,\n"
        + "  twice INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL,\n"
        + "  CHECK (name <> 'x, y')\n"
        + ")").table("t").orElseThrow();
    Column qty = t.column("qty").orElseThrow();
    assertEquals("qty > (0)", qty.check());
    assertEquals("1", qty.defaultValue());
    assertEquals("NOCASE", t.column("name").orElseThrow().collation());
    assertEquals("qty * 2", t.column("twice").orElseThrow().generated());
    assertNull(qty.generated());
    assertThat(t.checks()).containsExactly("name <> 'x, y'");
    assertThat(t.notes()).containsExactly("AUTOINCREMENT");
    assertThat(read("CREATE TABLE w (k TEXT PRIMARY KEY) WITHOUT ROWID").tables().get(0).notes())
        .containsExactly("WITHOUT ROWID");
  }
}
