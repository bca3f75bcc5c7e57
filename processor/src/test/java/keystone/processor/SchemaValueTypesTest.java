package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.entity;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;
import keystone.engine.spi.ValueType;
import keystone.processor.types.BuiltIn;
import org.junit.jupiter.api.Test;

/**
 * The compiled schema carries each column's Java type, so that a failure can print a key as the
 * Java value would; a converted column has its converter's column side.
 */
class SchemaValueTypesTest {
  private static final JavaFileObject SHIFT = entity("Shift",
      "@Entity(table = \"shifts\")",
      "  @PrimaryKey java.time.Instant start;",
      "  java.time.LocalDate day;",
      "  java.util.UUID ref;",
      "  java.math.BigDecimal price;",
      "  java.time.Duration term;",
      "  boolean open;",
      "  Integer seats;",
      "  String title;",
      "  java.time.OffsetDateTime stamped;");
  private static final JavaFileObject BOOKING = entity("Booking",
      "@Entity(table = \"bookings\")",
      "  @PrimaryKey long id;",
      "  @ForeignKey(entity = Shift.class) Stamp shiftStart;",
      "  @TypeConverters(Millis.class) java.time.Instant seenAt;");
  private static final JavaFileObject STAMP = Sources.of("test.Stamp", "package test;",
      "import keystone.TypeConverter;", "import java.time.Instant;",
      "public record Stamp(Instant at) {",
      "  @TypeConverter public static Instant toColumn(Stamp s) { return s.at(); }",
      "  @TypeConverter public static Stamp fromColumn(Instant i) { return new Stamp(i); }",
      "}");
  private static final JavaFileObject MILLIS = Sources.of("test.Millis", "package test;",
      "import keystone.TypeConverter;", "import java.time.Instant;",
      "public final class Millis {",
      "  @TypeConverter public static Long toMillis(Instant i) { return i.toEpochMilli(); }",
      "  @TypeConverter public static Instant fromMillis(Long m) {",
      "    return Instant.ofEpochMilli(m); }",
      "}");
  private static final JavaFileObject DB = Sources.of("test.Db", "package test;",
      "@keystone.Database(entities = {Shift.class, Booking.class})",
      "@keystone.TypeConverters(Stamp.class)",
      "public interface Db extends keystone.engine.KeystoneDatabase {}");

  @Test
  void eachColumnCarriesItsJavaType() {
    Compilation c = compile(SHIFT, BOOKING, STAMP, MILLIS, DB);
    assertThat(c).succeededWithoutWarnings();
    Schema schema = GeneratedSchema.of(c, "test.Db_Impl");
    assertThat(schema.table("shifts").types()).containsExactly(ValueType.INSTANT,
        ValueType.LOCAL_DATE, ValueType.UUID, ValueType.BIG_DECIMAL, ValueType.DURATION,
        ValueType.BOOLEAN, ValueType.INT, ValueType.STRING, ValueType.OFFSET_DATE_TIME).inOrder();
    // A converted column has its converter's column side: an Instant, and millis as a Long.
    assertThat(schema.table("bookings").types())
        .containsExactly(ValueType.LONG, ValueType.INSTANT, ValueType.LONG).inOrder();
    ForeignKeyInfo key = schema.foreignKeys().get(0);
    assertThat(key.keyTypes()).containsExactly(ValueType.INSTANT);
    assertThat(key.sqliteText(List.of(1_714_558_530_000_000L)))
        .containsExactly("2024-05-01T10:15:30Z");
    assertThat(c).generatedSourceFile("test.Db_Impl").contentsAsUtf8String()
        .contains("List.of(ValueType.LONG, ValueType.INSTANT, ValueType.LONG)");
  }

  /** The processor writes {@code ValueType.<its BuiltIn's name>}: every one must exist. */
  @Test
  void everyBuiltInHasAValueTypeOfTheSameName() {
    assertThat(Arrays.stream(ValueType.values()).map(Enum::name).toList())
        .containsExactlyElementsIn(Arrays.stream(BuiltIn.values()).map(Enum::name).toList())
        .inOrder();
  }
}
