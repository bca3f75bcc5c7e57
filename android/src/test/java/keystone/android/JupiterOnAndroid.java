package keystone.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import android.database.DatabaseUtils;
import android.database.sqlite.SQLiteDatabase;
import android.os.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Jupiter class that needs Android: run by {@link JupiterInSandboxTest} inside Robolectric's
 * sandbox, never by surefire directly (its name is outside surefire's test patterns).
 */
@ParameterizedClass
@ValueSource(strings = {"first", "second"})
class JupiterOnAndroid {
  @Parameter String run;

  @Test
  void androidsOwnSqliteAnswers() {
    assertTrue(Build.VERSION.SDK_INT >= 28, "API " + Build.VERSION.SDK_INT);
    SQLiteDatabase db = SQLiteDatabase.create(null);
    try {
      db.execSQL("CREATE TABLE t (x TEXT)");
      db.execSQL("INSERT INTO t VALUES (?)", new Object[] {run});
      assertEquals(1, DatabaseUtils.queryNumEntries(db, "t"));
    } finally {
      db.close();
    }
  }
}
