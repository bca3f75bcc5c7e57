package keystone.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.entity;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema export: where it goes, what the hash sees, and what the diagram says. */
class ExportTest {
  private static final String DIR = "keystone/schemas/test.Db/";

  /** A tree (self-referencing CASCADE) whose leaves are rewritten and can block deletes. */
  private static final JavaFileObject NODE = entity("Node", "@Entity(table = \"nodes\")",
      "  @PrimaryKey long id;",
      "  @ForeignKey(entity = Node.class, onDelete = CASCADE) Long parentId;");
  private static final JavaFileObject LEAF = entity("Leaf", "@Entity(table = \"leaves\")",
      "  @PrimaryKey long id;",
      "  @ForeignKey(entity = Node.class, onDelete = CASCADE) long nodeId;");
  private static final JavaFileObject NOTE = entity("Note", "@Entity(table = \"notes\")",
      "  @PrimaryKey long id;",
      "  @ForeignKey(entity = Leaf.class, onDelete = SET_NULL) Long leafId;",
      "  @Column(defaultValue = \"0\")",
      "  @ForeignKey(entity = Node.class, onDelete = SET_DEFAULT) long nodeId;");
  private static final JavaFileObject PIN = entity("Pin", "@Entity(table = \"pins\")",
      "  @PrimaryKey long id;",
      "  @ForeignKey(entity = Leaf.class, onDelete = RESTRICT) long leafId;",
      "  @ForeignKey(entity = Node.class) Long nodeId;");

  private static Compilation tree(String entities) {
    return compile(NODE, LEAF, NOTE, PIN, Rules.database(entities));
  }

  private static Compilation tree() {
    return tree("Node.class, Leaf.class, Note.class, Pin.class");
  }

  @Test
  void valueTypesAndConvertedColumnsInEveryExport() {
    JavaFileObject money = Sources.of("test.Money", "package test;",
        "public record Money(long cents) {}");
    JavaFileObject conv = Sources.of("test.Conv", "package test;",
        "import keystone.TypeConverter;",
        "public final class Conv {",
        "  @TypeConverter public static long cents(Money m) { return m.cents(); }",
        "  @TypeConverter public static Money money(long c) { return new Money(c); }",
        "}");
    JavaFileObject order = entity("Order", "@Entity(table = \"orders\")",
        "  @PrimaryKey java.util.UUID id;",
        "  @NotNull java.time.Instant placedAt;",
        "  java.math.BigDecimal total;",
        "  @TypeConverters(Conv.class) Money fee;");
    Compilation c = compile(money, conv, order, Rules.database("Order.class"));
    assertThat(c).succeededWithoutWarnings();
    String flat = file(c, "1.json").replaceAll("\n\\s+", "\n");
    assertThat(flat).contains("\"name\": \"placed_at\",\n\"type\": \"INTEGER\",\n"
        + "\"postgresType\": \"TIMESTAMPTZ\",");
    assertThat(flat).contains("\"name\": \"total\",\n\"type\": \"TEXT COLLATE decimal\",\n"
        + "\"postgresType\": \"NUMERIC\",");
    assertThat(flat).contains("\"name\": \"fee\",\n\"type\": \"INTEGER\",\n"
        + "\"postgresType\": \"BIGINT\",");
    assertThat(file(c, "1.sql")).contains("  id TEXT NOT NULL PRIMARY KEY,");
    assertThat(file(c, "1.sql")).contains("  total TEXT COLLATE decimal,");
    assertThat(file(c, "1.postgres.sql")).contains("id UUID NOT NULL PRIMARY KEY");
    assertThat(file(c, "1.postgres.sql")).contains("placed_at TIMESTAMPTZ NOT NULL");
    assertThat(file(c, "1.postgres.sql")).contains("total NUMERIC");
    String md = file(c, "1.md");
    assertThat(md).contains("    UUID id PK");
    assertThat(md).contains("    TIMESTAMPTZ placed_at");
    assertThat(md).contains("    NUMERIC total");
    assertThat(md).contains("    INTEGER fee");
  }

  @Test
  void threeFilesShareOneIdentityHash() {
    Compilation c = tree();
    assertThat(c).succeededWithoutWarnings();
    String json = file(c, "1.json");
    Matcher m = Pattern.compile("\"identityHash\": \"([0-9a-f]{64})\"").matcher(json);
    assertThat(m.find()).isTrue();
    String hash = m.group(1);
    assertThat(file(c, "1.sql")).startsWith("-- identityHash: " + hash + "\n");
    assertThat(file(c, "1.postgres.sql")).startsWith("-- identityHash: " + hash + "\n");
    assertThat(file(c, "1.md")).contains("identity hash `" + hash + "`");
  }

  @Test
  void jsonDescribesKeysWithNamesColumnsAndBothActions() {
    String json = file(tree(), "1.json");
    assertThat(json).contains("\"database\": \"test.Db\",\n  \"version\": 1,");
    // Indentation aside: one key, and one column with its default.
    String flat = json.replaceAll("\n\\s+", "\n");
    assertThat(flat).contains("""
        "name": "fk_notes_node_id",
        "columns": ["node_id"],
        "parentTable": "nodes",
        "parentColumns": ["id"],
        "onDelete": "SET DEFAULT",
        "onUpdate": "NO ACTION",
        "deferred": false
        }""");
    assertThat(flat).contains("""
        "name": "node_id",
        "type": "INTEGER",
        "postgresType": "BIGINT",
        "notNull": true,
        "default": "0",
        "primaryKeyPosition": 0,
        "check": null
        }""");
  }

  @Test
  void sqlIsTheDdlAsItRuns() {
    Compilation c = tree();
    String sql = file(c, "1.sql");
    assertThat(sql).contains("\nCREATE TABLE nodes (\n  id INTEGER NOT NULL PRIMARY KEY,\n");
    assertThat(sql).contains("\nCREATE INDEX idx_pins_leaf_id ON pins (leaf_id);\n");
    assertThat(sql).endsWith(";\n");
  }

  @Test
  void deleteReachFollowsCascadesTransitively() {
    String md = file(tree(), "1.md");
    assertThat(md).contains("| nodes | nodes (itself, recursively)<br>leaves"
        + " | notes.leaf_id (fk_notes_leaf_id)"
        + " | notes.node_id (fk_notes_node_id)"
        + " | pins.node_id (fk_pins_node_id, NO ACTION)<br>pins.leaf_id (fk_pins_leaf_id,"
        + " RESTRICT) |");
    assertThat(md).contains("| leaves | - | notes.leaf_id (fk_notes_leaf_id) | -"
        + " | pins.leaf_id (fk_pins_leaf_id, RESTRICT) |");
    assertThat(md).contains("| pins | - | - | - | - |");
  }

  @Test
  void diagramShowsColumnsKeysAndLabelledRelations() {
    String md = file(tree(), "1.md");
    assertThat(md).contains("```mermaid\nerDiagram\n");
    assertThat(md).contains("  notes {\n    INTEGER id PK \"NOT NULL\"\n"
        + "    INTEGER leaf_id FK\n    INTEGER node_id FK \"NOT NULL DEFAULT 0\"\n  }\n");
    assertThat(md).contains("  nodes |o..o{ nodes : \"fk_nodes_parent_id: ON DELETE CASCADE,"
        + " ON UPDATE NO ACTION\"\n");
    assertThat(md).contains("  leaves ||..o{ pins : \"fk_pins_leaf_id: ON DELETE RESTRICT,"
        + " ON UPDATE NO ACTION\"\n");
  }

  @Test
  void identityHashIgnoresDeclarationOrderButNotStructure() {
    String a = hash(tree());
    String b = hash(tree("Pin.class, Note.class, Leaf.class, Node.class"));
    assertThat(b).isEqualTo(a);
    JavaFileObject changedPin = entity("Pin", "@Entity(table = \"pins\")",
        "  @PrimaryKey long id;",
        "  @ForeignKey(entity = Leaf.class, onDelete = CASCADE) long leafId;",
        "  @ForeignKey(entity = Node.class) Long nodeId;");
    Compilation c = compile(NODE, LEAF, NOTE, changedPin,
        Rules.database("Node.class, Leaf.class, Note.class, Pin.class"));
    assertThat(hash(c)).isNotEqualTo(a);
  }

  @Test
  void exportSchemaFalseWritesNothing() {
    JavaFileObject db = Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = Node.class, exportSchema = false)",
        "public interface Db extends keystone.engine.KeystoneDatabase {}");
    Compilation c = compile(NODE, db);
    assertThat(c).succeededWithoutWarnings();
    assertThat(generated(c, "1.json")).isEmpty();
    assertThat(generated(c, "1.md")).isEmpty();
  }

  @Test
  void schemaLocationGetsTheSameFiles(@TempDir Path dir) throws IOException {
    Compilation c = javac().withProcessors(new KeystoneProcessor())
        .withOptions("-Akeystone.schemaLocation=" + dir)
        .compile(NODE, LEAF, NOTE, PIN,
            Rules.databaseWith("Node.class, Leaf.class, Note.class, Pin.class", "version = 4"));
    assertThat(c).succeededWithoutWarnings();
    for (String name : List.of("4.json", "4.sql", "4.postgres.sql", "4.md")) {
      Path written = dir.resolve("test.Db").resolve(name);
      assertThat(Files.readString(written, StandardCharsets.UTF_8)).isEqualTo(file(c, name));
    }
  }

  @Test
  void unwritableSchemaLocationIsAnError(@TempDir Path dir) throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    JavaFileObject db = Rules.database("Node.class");
    Compilation c = javac().withProcessors(new KeystoneProcessor())
        .withOptions("-Akeystone.schemaLocation=" + notADirectory)
        .compile(NODE, db);
    assertThat(c).hadErrorContaining("[Keystone/SchemaExportFailed] cannot write the schema"
            + " export of Db to " + notADirectory)
        .inFile(db).onLineContaining("@keystone.Database");
  }

  @Test
  void invalidSchemaLocationIsAnErrorNotACrash() {
    JavaFileObject db = Rules.database("Node.class");
    Compilation c = javac().withProcessors(new KeystoneProcessor())
        .withOptions("-Akeystone.schemaLocation=bad\0path")
        .compile(NODE, db);
    assertThat(c).hadErrorContaining("[Keystone/SchemaExportFailed]")
        .inFile(db).onLineContaining("@keystone.Database");
    assertThat(c).hadErrorCount(1);
  }

  private static String hash(Compilation c) {
    Matcher m = Pattern.compile("\"identityHash\": \"([0-9a-f]{64})\"").matcher(file(c, "1.json"));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String file(Compilation c, String name) {
    return generated(c, name).orElseThrow(() -> new AssertionError("no " + name));
  }

  private static Optional<String> generated(Compilation c, String name) {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", DIR + name).map(f -> {
      try {
        return f.getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
