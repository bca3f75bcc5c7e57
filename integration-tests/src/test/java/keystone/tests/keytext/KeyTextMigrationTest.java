package keystone.tests.keytext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.Keystone;
import keystone.engine.KeystoneBuilder;
import keystone.engine.KeystoneDatabase;
import keystone.engine.Migration;
import keystone.engine.MigrationException;
import keystone.testing.SqlitePlatform;
import keystone.testing.TestEngine;
import keystone.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A migration refused for an orphan names its time key as the Java value, on both engines. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class KeyTextMigrationTest {
  private static final Instant MAY = Instant.parse("2024-05-01T10:15:30Z");

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private String url;

  @BeforeEach
  void versionOne() {
    url = engine == TestEngine.POSTGRES ? TestPostgres.freshDatabase() : null;
    at(KeyTextDatabase.class).build().close();
  }

  @Test
  void anOrphanLeftByAMigrationIsNamedInJavaText() {
    MigrationException e = assertThrows(MigrationException.class, () -> at(KeyTextDatabaseV2.class)
        .migrations(Migration.of(1, 2,
            db -> db.execute("INSERT INTO bookings (id, shift_start) VALUES (1, ?)", MAY)))
        .build());
    String orphan = "insert or update on table \"bookings\" violates foreign key constraint"
        + " \"fk_booking_shift\": key (shift_start)=(2024-05-01T10:15:30Z) is not present in"
        + " table \"shifts\"";
    assertEquals(List.of(orphan),
        e.violations().stream().map(ForeignKeyViolation::toString).toList());
    assertTrue(e.getMessage().contains("first: " + orphan), e.getMessage());
  }

  private <T extends KeystoneDatabase> KeystoneBuilder<T> at(Class<T> database) {
    return url == null
        ? SqlitePlatform.installed().builder(database, dir.resolve("keys.db"))
        : Keystone.builder(database).postgres(url);
  }
}
