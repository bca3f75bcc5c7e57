package keystone.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.entity;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per @TypeConverter rule, each error on the method (or key) that breaks it. */
class ConverterRulesTest {
  private static final JavaFileObject MONEY =
      Sources.of("test.Money", "package test;", "public record Money(long cents) {}");
  private static final JavaFileObject INVOICE = entity("Invoice",
      "@Entity(table = \"invoices\")",
      "  @PrimaryKey long id;",
      "  Money total;");
  private static final JavaFileObject DB = Sources.of("test.Db",
      "package test;",
      "@keystone.Database(entities = {Invoice.class})",
      "@keystone.TypeConverters(Conv.class)",
      "public interface Db extends keystone.engine.KeystoneDatabase {}");

  private static JavaFileObject converters(String... methods) {
    String[] lines = new String[methods.length + 4];
    lines[0] = "package test;";
    lines[1] = "import keystone.TypeConverter;";
    lines[2] = "public class Conv {";
    System.arraycopy(methods, 0, lines, 3, methods.length);
    lines[lines.length - 1] = "}";
    return Sources.of("test.Conv", lines);
  }

  private static Compilation withConverters(String... methods) {
    return compile(MONEY, INVOICE, DB, converters(methods));
  }

  @Test
  void aPairCompiles() {
    Compilation c = withConverters(
        "  @TypeConverter public static long toCents(Money m) { return m.cents(); }",
        "  @TypeConverter public static Money fromCents(long c) { return new Money(c); }");
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aConverterInScopeWinsOverTheBuiltInMapping() throws Exception {
    JavaFileObject item = entity("Item",
        "@Entity(table = \"items\")",
        "  @PrimaryKey long id;",
        "  java.time.Instant seenAt;");
    JavaFileObject millis = Sources.of("test.Millis", "package test;",
        "import keystone.TypeConverter;", "import java.time.Instant;",
        "public final class Millis {",
        "  @TypeConverter public static Long toMillis(Instant i) {",
        "    return i == null ? null : i.toEpochMilli(); }",
        "  @TypeConverter public static Instant fromMillis(Long m) {",
        "    return m == null ? null : Instant.ofEpochMilli(m); }",
        "}");
    JavaFileObject db = Sources.of("test.Db", "package test;",
        "@keystone.Database(entities = {Item.class})",
        "@keystone.TypeConverters(Millis.class)",
        "public interface Db extends keystone.engine.KeystoneDatabase {}");
    Compilation c = compile(item, millis, db);
    assertThat(c).succeededWithoutWarnings();
    String pg = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
        "keystone/schemas/test.Db/1.postgres.sql").orElseThrow().getCharContent(true).toString();
    // Stored as Room apps stored it, epoch milliseconds: a BIGINT, not a TIMESTAMPTZ.
    com.google.common.truth.Truth.assertThat(pg).contains("seen_at BIGINT");
  }

  @Test
  void oneDirectionOnly() {
    JavaFileObject conv = converters(
        "  @TypeConverter public static long toCents(Money m) { return m.cents(); }");
    Compilation c = compile(MONEY, INVOICE, DB, conv);
    assertThat(c).hadErrorContaining("[Keystone/ConverterOneDirection] @TypeConverter"
            + " Conv.toCents converts test.Money to long, but nothing in the same"
            + " @TypeConverters converts long back to test.Money")
        .inFile(conv).onLineContaining("toCents");
  }

  @Test
  void onlyTheWayBack() {
    JavaFileObject conv = converters(
        "  @TypeConverter public static Money fromCents(long c) { return new Money(c); }");
    Compilation c = compile(MONEY, INVOICE, DB, conv);
    assertThat(c).hadErrorContaining("[Keystone/ConverterOneDirection]")
        .inFile(conv).onLineContaining("fromCents");
  }

  @Test
  void twoConvertersForOneTypeInOneScope() {
    JavaFileObject conv = converters(
        "  @TypeConverter public static long toCents(Money m) { return m.cents(); }",
        "  @TypeConverter public static String toText(Money m) { return \"\" + m.cents(); }",
        "  @TypeConverter public static Money fromCents(long c) { return new Money(c); }");
    Compilation c = compile(MONEY, INVOICE, DB, conv);
    assertThat(c).hadErrorContaining("[Keystone/ConverterDuplicate] @TypeConverter Conv.toText"
            + " converts test.Money to its column, as Conv.toCents already does")
        .inFile(conv).onLineContaining("toText");
  }

  @Test
  void columnSideNotBuiltIn() {
    JavaFileObject conv = converters(
        "  @TypeConverter public static StringBuilder toBuilder(Money m) { return null; }");
    Compilation c = compile(MONEY, INVOICE, DB, conv);
    assertThat(c).hadErrorContaining("[Keystone/ConverterColumnNotBuiltIn] @TypeConverter"
            + " Conv.toBuilder converts test.Money to java.lang.StringBuilder")
        .inFile(conv).onLineContaining("toBuilder");
  }

  @Test
  void noArgument() {
    JavaFileObject conv = converters(
        "  @TypeConverter public static long none() { return 0; }");
    assertThat(compile(MONEY, INVOICE, DB, conv))
        .hadErrorContaining("[Keystone/ConverterShape] @TypeConverter Conv.none must take"
            + " exactly one parameter and return a value; it takes none")
        .inFile(conv).onLineContaining("none()");
  }

  @Test
  void twoArguments() {
    JavaFileObject conv = converters(
        "  @TypeConverter public static long two(Money a, Money b) { return 0; }");
    assertThat(compile(MONEY, INVOICE, DB, conv))
        .hadErrorContaining("[Keystone/ConverterShape] @TypeConverter Conv.two must take exactly"
            + " one parameter and return a value; it takes 2")
        .inFile(conv).onLineContaining("two(");
  }

  @Test
  void returnsVoid() {
    JavaFileObject conv = converters(
        "  @TypeConverter public static void nothing(Money m) {}");
    assertThat(compile(MONEY, INVOICE, DB, conv))
        .hadErrorContaining("[Keystone/ConverterShape] @TypeConverter Conv.nothing must take"
            + " exactly one parameter and return a value; it returns void")
        .inFile(conv).onLineContaining("nothing(");
  }

  @Test
  void instanceMethodsNeedAConstructor() {
    JavaFileObject conv = Sources.of("test.Conv",
        "package test;",
        "import keystone.TypeConverter;",
        "public class Conv {",
        "  private Conv() {}",
        "  @TypeConverter public long toCents(Money m) { return m.cents(); }",
        "  @TypeConverter public static Money fromCents(long c) { return new Money(c); }",
        "}");
    assertThat(compile(MONEY, INVOICE, DB, conv))
        .hadErrorContaining("[Keystone/ConverterNoConstructor]")
        .inFile(conv).onLineContaining("toCents");
  }

  @Test
  void foreignKeyWhoseSidesConvertToDifferentStoredTypes() {
    JavaFileObject parent = entity("Account",
        "@Entity(table = \"accounts\")",
        "  @PrimaryKey java.util.UUID id;");
    // The child's key is a Money converted to long: INTEGER/BIGINT against TEXT/UUID.
    JavaFileObject child = entity("Invoice",
        "@Entity(table = \"invoices\")",
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = Account.class) Money account;");
    JavaFileObject db = Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = {Account.class, Invoice.class})",
        "@keystone.TypeConverters(Conv.class)",
        "public interface Db extends keystone.engine.KeystoneDatabase {}");
    Compilation c = compile(MONEY, parent, child, db, converters(
        "  @TypeConverter public static long toCents(Money m) { return m.cents(); }",
        "  @TypeConverter public static Money fromCents(long c) { return new Money(c); }"));
    assertThat(c).hadErrorContaining("[Keystone/ForeignKeyAffinityMismatch] foreign key"
            + " fk_invoices_account: invoices.account is stored as INTEGER (BIGINT on PostgreSQL,"
            + " Java test.Money) but the parent column accounts.id is stored as TEXT (UUID on"
            + " PostgreSQL, Java java.util.UUID)")
        .inFile(child).onLineContaining("@ForeignKey");
  }

  @Test
  void queriesOverValueTypesAreVerifiedAtCompileTime() {
    JavaFileObject item = entity("Item",
        "@Entity(table = \"items\")",
        "  @PrimaryKey java.util.UUID id;",
        "  java.math.BigDecimal price;",
        "  java.time.Instant seenAt;");
    JavaFileObject good = Sources.of("test.ItemDao", "package test;", "import keystone.*;",
        "import java.util.*;", "@Dao public interface ItemDao {",
        "  @Query(\"SELECT * FROM items WHERE price > :p AND seen_at < :t ORDER BY price\")",
        "  List<Item> pricier(java.math.BigDecimal p, java.time.Instant t);",
        "  @Query(\"SELECT max(price) FROM items WHERE id IN (:ids)\")",
        "  Optional<java.math.BigDecimal> top(Set<java.util.UUID> ids);",
        "}");
    JavaFileObject db = Sources.of("test.Db", "package test;",
        "@keystone.Database(entities = {Item.class})",
        "public interface Db extends keystone.engine.KeystoneDatabase { ItemDao items(); }");
    assertThat(compile(item, good, db)).succeededWithoutWarnings();
    JavaFileObject bad = Sources.of("test.ItemDao", "package test;", "import keystone.*;",
        "import java.util.*;", "@Dao public interface ItemDao {",
        "  @Query(\"SELECT * FROM items WHERE prise > :p\")",
        "  List<Item> pricier(java.math.BigDecimal p);",
        "}");
    assertThat(compile(item, bad, db)).hadErrorContaining("[Keystone/QueryInvalidSql]")
        .inFile(bad).onLineContaining("prise");
  }

  @Test
  void aUuidKeyAndAStringChildDifferOnPostgres() {
    JavaFileObject parent = entity("Account",
        "@Entity(table = \"accounts\")",
        "  @PrimaryKey java.util.UUID id;");
    JavaFileObject child = entity("Invoice",
        "@Entity(table = \"invoices\")",
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = Account.class) String account;");
    Compilation c = compile(parent, child, Rules.database("Account.class, Invoice.class"));
    assertThat(c).hadErrorContaining("[Keystone/ForeignKeyAffinityMismatch]")
        .inFile(child).onLineContaining("@ForeignKey");
  }
}
