package keystone.processor.migration;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import keystone.processor.KeystoneProcessor;
import keystone.processor.migration.SchemaVersion.Table;
import org.junit.jupiter.api.Test;

/**
 * An earlier version exists only as its JSON export: read back and rendered, it must give the DDL
 * the entities gave ({@code <version>.sql}), statement for statement.
 */
class TableDdlTest {
  private static final JavaFileObject PARENT = JavaFileObjects.forSourceLines("test.Parent",
      "package test;",
      "import keystone.*;",
      "@Entity(table = \"order\", primaryKey = {\"a\", \"b\"}, checks = \"a <> b\",",
      "    indices = @Index(columns = {\"label\", \"b\"}, unique = true))",
      "public record Parent(long a, long b, @Column(defaultValue = \"'x'\") @NotNull String label,",
      "    @Column(unique = true) @Check(\"length(code) = 3\") String code, double weight,",
      "    byte[] blob) {}");
  private static final JavaFileObject CHILD = JavaFileObjects.forSourceLines("test.Child",
      "package test;",
      "import keystone.*;",
      "@Entity(foreignKeys = @CompositeForeignKey(entity = Parent.class, columns = {\"pa\",",
      "    \"pb\"}, onDelete = ForeignKey.Action.CASCADE, deferred = true))",
      "public record Child(@PrimaryKey(autoGenerate = true) long id, Long pa, Long pb,",
      "    @ForeignKey(entity = Child.class, onDelete = ForeignKey.Action.SET_NULL) Long up) {}");
  private static final JavaFileObject DB = JavaFileObjects.forSourceLines("test.Db",
      "package test;",
      "@keystone.Database(entities = {Parent.class, Child.class}, version = 4)",
      "public interface Db extends keystone.engine.KeystoneDatabase {}");

  @Test
  void jsonRendersTheDdlOfTheSqlExport() throws IOException {
    Compilation c = javac().withProcessors(new KeystoneProcessor()).compile(PARENT, CHILD, DB);
    assertThat(c).succeeded();
    String json = resource(c, "4.json");
    String sql = resource(c, "4.sql");
    SchemaVersion v = SchemaVersion.fromJson(JsonReader.parse(json));
    assertThat(v.version()).isEqualTo(4);
    assertThat(sql).contains(v.identityHash());
    List<String> rendered = new ArrayList<>();
    for (Table t : v.tables()) {
      rendered.add(TableDdl.createTable(t));
    }
    for (Table t : v.tables()) {
      rendered.addAll(TableDdl.createIndexes(t));
    }
    assertThat(rendered).containsExactlyElementsIn(statements(sql)).inOrder();
  }

  /** The same for PostgreSQL: {@link PostgresTableDdl} gives {@code <version>.postgres.sql}. */
  @Test
  void jsonRendersThePostgresDdlOfItsExport() throws IOException {
    Compilation c = javac().withProcessors(new KeystoneProcessor()).compile(PARENT, CHILD, DB);
    assertThat(c).succeeded();
    SchemaVersion v = SchemaVersion.fromJson(JsonReader.parse(resource(c, "4.json")));
    PostgresTableDdl.Statements ddl =
        PostgresTableDdl.create(v.tables(), Set.of(), t -> v.table(t).orElse(null));
    List<String> rendered = new ArrayList<>(ddl.tables());
    rendered.addAll(ddl.indexes());
    rendered.addAll(ddl.laterKeys());
    assertThat(rendered).containsExactlyElementsIn(statements(resource(c, "4.postgres.sql")))
        .inOrder();
  }

  private static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    for (String statement : sql.substring(sql.indexOf("\n\n") + 2).split(";\n")) {
      if (!statement.isBlank()) {
        out.add(statement.strip());
      }
    }
    return out;
  }

  private static String resource(Compilation c, String name) throws IOException {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "keystone/schemas/test.Db/" + name)
        .orElseThrow().getCharContent(true).toString();
  }
}
