package keystone.tests.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneException;
import keystone.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL keeps no view text, so an ordinary open compares a view's columns only; adopting a
 * schema Keystone did not make (no keystone_schema, as {@code keystone import} reads one)
 * compares each view's SELECT as PostgreSQL prints the schema's and the compiled one. SQLite
 * compares the view's text on every open ({@code ViewTest}).
 */
class ViewAdoptionPostgresTest {
  @Test
  void adoptingAPostgresSchemaComparesEachViewsSelectAsPostgresPrintsIt() throws Exception {
    String url = TestPostgres.freshDatabase();
    at(url).build().close();
    execute(url, "DROP TABLE keystone_schema");
    try (ShapesDatabase db = at(url).build()) {
      assertEquals(List.of(), db.dao().prolific()); // Adopted: the same views, as printed.
    }
    execute(url, "DROP TABLE keystone_schema", "CREATE OR REPLACE VIEW prolific AS"
        + " SELECT author, posts FROM posts_per_author WHERE posts >= 3");
    KeystoneException e = assertThrows(KeystoneException.class, () -> at(url).build());
    assertTrue(e.getMessage().contains("view prolific is SELECT posts_per_author.author,"
        + " posts_per_author.posts FROM posts_per_author WHERE posts_per_author.posts >= 3,"
        + " compiled SELECT posts_per_author.author, posts_per_author.posts FROM"
        + " posts_per_author WHERE posts_per_author.posts >= 2"), e.getMessage());
  }

  private static KeystoneBuilder<ShapesDatabase> at(String url) {
    return Keystone.builder(ShapesDatabase.class).postgres(url);
  }

  private static void execute(String url, String... sql) throws SQLException {
    try (Connection c = TestPostgres.dataSource(url).getConnection();
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }
}
