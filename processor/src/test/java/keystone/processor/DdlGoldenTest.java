package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static keystone.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The DDL of a small schema, as the engine receives it. Regenerate the expected text with
 * {@code -Dkeystone.golden.update=true}.
 */
class DdlGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/shop-ddl.sql");

  @Test
  void shopSchema() throws IOException {
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
    Compilation c = compile(item, Sources.USER, Sources.ORDER, Sources.CATEGORY, db);
    String source = c.generatedSourceFile("test.Db_Impl").orElseThrow()
        .getCharContent(true).toString();
    String ddl = ddlOf(source);
    if (Boolean.getBoolean("keystone.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, ddl, StandardCharsets.UTF_8);
    }
    assertThat(ddl).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
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
