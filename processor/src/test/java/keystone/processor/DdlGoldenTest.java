package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static keystone.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The DDL of a small schema, SQLite's and PostgreSQL's, as the engine receives it. Regenerate
 * the expected text with {@code -Dkeystone.golden.update=true}.
 */
class DdlGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/shop-ddl.sql");
  private static final Path POSTGRES_GOLDEN =
      Path.of("src/test/resources/golden/shop-postgres-ddl.sql");

  @Test
  void shopSchema() throws IOException {
    String source = shop().generatedSourceFile("test.Db_Impl").orElseThrow()
        .getCharContent(true).toString();
    compareWithGolden(ddlOf(source), GOLDEN);
  }

  /** The same schema's {@code postgresStatements}, as the compiled {@code SCHEMA} holds them. */
  @Test
  void shopSchemaOnPostgres() throws IOException {
    List<String> statements = GeneratedSchema.of(shop(), "test.Db_Impl").postgresStatements();
    StringBuilder ddl = new StringBuilder();
    for (String statement : statements) {
      ddl.append(statement).append(";\n\n");
    }
    compareWithGolden(ddl.toString(), POSTGRES_GOLDEN);
  }

  /** The golden schema; also run on a real PostgreSQL by {@code PostgresSchemaTest}. */
  static Compilation shop() {
    JavaFileObject item = Sources.of("test.OrderItem",
        "package test;",
        "import keystone.*;",
        "@Entity(primaryKey = {\"order_id\", \"line\"},",
        "    foreignKeys = @CompositeForeignKey(entity = Order.class, columns = \"order_id\",",
        "        onDelete = ForeignKey.Action.CASCADE, deferred = true),",
        "    indices = @Index(columns = {\"sku\", \"line\"}, unique = true),",
        "    checks = \"\\\"order\\\" > 0\")",
        "public record OrderItem(long orderId, int line, @NotNull String sku,",
        "    @Column(name = \"order\", defaultValue = \"1\") int quantity,",
        "    @ForeignKey(entity = Category.class, onDelete = ForeignKey.Action.SET_NULL)",
        "    String category) {}");
    JavaFileObject db = Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = {OrderItem.class, Order.class, User.class,"
            + " Category.class})",
        "public interface Db extends keystone.engine.KeystoneDatabase {}");
    return compile(item, Sources.USER, Sources.ORDER, Sources.CATEGORY, db);
  }

  private static void compareWithGolden(String ddl, Path golden) throws IOException {
    Golden.check(golden, ddl);
  }

  /** The statements of SCHEMA, unescaped, separated by ";\n\n". */
  private static String ddlOf(String source) {
    int start = source.indexOf("List.of(") + "List.of(".length();
    int end = source.indexOf("List.of(", start);
    String block = source.substring(start, end);
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\)?,?)").matcher(block);
    while (m.find()) {
      out.append(m.group(1).replace("\\n", "\n").replace("\\\"", "\""));
      if (!m.group(2).isEmpty()) {
        out.append(";\n\n");
      }
    }
    return out.toString();
  }
}
