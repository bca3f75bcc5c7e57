package keystone.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import android.content.ContentValues;
import android.database.Cursor;
import android.database.sqlite.SQLiteConstraintException;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteException;
import android.os.Build;
import java.io.File;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/**
 * What Android's own SQLite does with foreign keys, at the oldest supported level (API 28) and
 * two later ones: the facts an Android driver for Keystone has to work with, measured on the
 * platform's real SQLite (Robolectric's native mode), not assumed from the desktop's.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {28, 33, 35})
public class AndroidSqliteFactsTest {
  private SQLiteDatabase db;

  @Before
  public void open() {
    File file = RuntimeEnvironment.getApplication().getDatabasePath("facts.db");
    file.getParentFile().mkdirs();
    db = SQLiteDatabase.openOrCreateDatabase(file, null);
    db.setForeignKeyConstraintsEnabled(true);
    db.execSQL("CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
    db.execSQL("CREATE TABLE c (id INTEGER PRIMARY KEY,"
        + " p_id INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)");
    db.execSQL("CREATE TABLE r (id INTEGER PRIMARY KEY,"
        + " p_id INTEGER REFERENCES p (id) ON DELETE RESTRICT)");
    db.execSQL("INSERT INTO p VALUES (1, 'one')");
  }

  @After
  public void close() {
    db.close();
  }

  private String text(String sql) {
    try (Cursor c = db.rawQuery(sql, null)) {
      c.moveToFirst();
      return c.getString(0);
    }
  }

  private long count(String table) {
    return Long.parseLong(text("SELECT count(*) FROM " + table));
  }

  @Test
  public void sqliteVersionIsOlderThanTheBundledOne() {
    String expected = Build.VERSION.SDK_INT >= 35 ? "3.44.3" : "3.32.2";
    assertEquals(expected, text("SELECT sqlite_version()"));
  }

  @Test
  public void foreignKeysAreOnOnlyWhenAsked() {
    assertEquals("1", text("PRAGMA foreign_keys"));
  }

  @Test
  public void returningIsASyntaxErrorBeforeApi35() {
    String insert = "INSERT INTO p (name) VALUES ('two') RETURNING id";
    if (Build.VERSION.SDK_INT >= 35) {
      assertEquals("2", text(insert));
    } else {
      assertThrows(SQLiteException.class, () -> text(insert));
      assertEquals(1, count("p"));
    }
  }

  @Test
  public void executeInsertGivesTheRowidOrMinusOneWhenIgnored() {
    ContentValues two = new ContentValues();
    two.put("name", "two");
    assertEquals(2, db.insert("p", null, two));
    assertEquals(-1, db.insertWithOnConflict("p", null, two, SQLiteDatabase.CONFLICT_IGNORE));
    try (var st = db.compileStatement("INSERT OR IGNORE INTO p (name) VALUES (?)")) {
      st.bindString(1, "two");
      assertEquals(-1, st.executeInsert());
      st.bindString(1, "three");
      assertEquals(3, st.executeInsert());
    }
  }

  @Test
  public void upsertWorks() {
    db.execSQL("INSERT INTO p (id, name) VALUES (1, 'uno')"
        + " ON CONFLICT (id) DO UPDATE SET name = excluded.name");
    assertEquals("uno", text("SELECT name FROM p WHERE id = 1"));
  }

  @Test
  public void restrictFailsAs1811AndADeferredOrphanAs787() {
    db.execSQL("INSERT INTO r VALUES (1, 1)");
    SQLiteConstraintException restrict =
        assertThrows(SQLiteConstraintException.class, () -> db.execSQL("DELETE FROM p"));
    assertTrue(restrict.getMessage(), restrict.getMessage().contains("1811"));
    SQLiteConstraintException orphan =
        assertThrows(
            SQLiteConstraintException.class, () -> db.execSQL("INSERT INTO c VALUES (1, 9)"));
    assertTrue(orphan.getMessage(), orphan.getMessage().contains("787"));
    assertEquals(0, count("c"));
  }

  /**
   * The trap: a deferred violation makes endTransaction() throw, and SQLite's transaction stays
   * open while Android believes it ended. A driver must check foreign_key_check before
   * setTransactionSuccessful() and never let COMMIT meet a violation.
   */
  @Test
  public void aDeferredViolationAtEndTransactionLeavesSqliteInsideTheTransaction() {
    db.beginTransaction();
    db.execSQL("INSERT INTO c VALUES (1, 9)");
    assertEquals(1, count("c"));
    try (Cursor check = db.rawQuery("PRAGMA foreign_key_check", null)) {
      assertTrue(check.moveToFirst());
      assertEquals("c", check.getString(0));
    }
    db.setTransactionSuccessful();
    assertThrows(SQLiteConstraintException.class, db::endTransaction);
    assertFalse(db.inTransaction());
    assertEquals(1, count("c"));
    IllegalStateException rollback =
        assertThrows(IllegalStateException.class, () -> db.execSQL("ROLLBACK"));
    assertTrue(rollback.getMessage(), rollback.getMessage().contains("no current transaction"));
    assertThrows(SQLiteException.class, db::beginTransaction);
  }

  @Test
  public void journalModeDependsOnTheLevel() {
    String expected = Build.VERSION.SDK_INT >= 33 ? "memory" : "wal";
    assertEquals(expected, text("PRAGMA journal_mode").toLowerCase(java.util.Locale.ROOT));
  }
}
