package keystone.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keystone.engine.KeystoneException;
import keystone.engine.spi.Schema;
import org.junit.jupiter.api.Test;

/**
 * Room's {@code @Update(onConflict)} is SQLite's {@code UPDATE OR IGNORE/REPLACE}, which
 * PostgreSQL's UPDATE has no form of: refused with the reason, never sent as a syntax error or
 * run with another meaning.
 */
class PgSqlConflictTest {
  private final PgSql sql = new PgSql(new Schema(1, List.of(), List.of(), List.of()));

  @Test
  void updateOrIgnoreIsRefusedWithTheReason() {
    KeystoneException e = assertThrows(KeystoneException.class,
        () -> sql.adapt("UPDATE OR IGNORE Account SET email = ? WHERE id = ?"));
    assertTrue(e.getMessage().contains("@Update(onConflict = IGNORE)"), e.getMessage());
    assertTrue(e.getMessage().contains("PostgreSQL's UPDATE has no conflict clause"),
        e.getMessage());
    assertThrows(KeystoneException.class,
        () -> sql.adapt("update or replace Account SET email = ? WHERE id = ?"));
  }

  @Test
  void aPlainUpdatePassesUnchanged() {
    assertEquals("UPDATE Account SET email = ? WHERE id = ?",
        sql.adapt("UPDATE Account SET email = ? WHERE id = ?").sql());
  }
}
