package keystone.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import javax.lang.model.SourceVersion;
import keystone.cli.importer.Importer;
import keystone.cli.importer.Note;
import keystone.cli.schema.Source;
import keystone.cli.schema.SourceSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keystone import}: annotated entities, DAOs and a database for an existing schema. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one @Entity record and one @Dao (insert, upsert, delete, find by key, a finder per"
          + " foreign key) per table, a @DatabaseView record and a DAO per view, and a"
          + " @Database, for an existing schema. Names stay as in"
          + " the source (explicit table and column names); keys with their actions and"
          + " deferral, composite keys, indexes, CHECKs and defaults are carried over.",
      "What Keystone cannot express (triggers, views SQLite cannot run, partial indexes,"
          + " generated columns, ...)"
          + " is printed here and listed in the generated Javadoc, never dropped silently.",
      "A .sql file of DDL is loaded into a private in-memory SQLite database first."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCE",
      description = "file.db, schema.sql, or jdbc:postgresql://host/db?user=...")
  String source;

  @Option(names = "--package", required = true, paramLabel = "PACKAGE",
      description = "Java package of the generated sources, e.g. com.example.db")
  String pkg;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "source root to write into, e.g. src/main/java")
  Path outDir;

  @Option(names = "--schema", paramLabel = "NAME",
      description = "PostgreSQL schema to read (default: public)")
  String schema;

  @Option(names = "--database", paramLabel = "NAME",
      description = "simple name of the @Database interface (default: from the source's name,"
          + " e.g. shop.db -> ShopDatabase)")
  String database;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!SourceVersion.isName(pkg)) {
      err.println("keystone import: --package " + pkg + " is not a Java package name");
      return 2;
    }
    if (database != null && !SourceVersion.isIdentifier(database)) {
      err.println("keystone import: --database " + database + " is not a Java class name");
      return 2;
    }
    Importer.Result result;
    try (Source opened = Source.open(source, schema)) {
      String name = database != null ? database : defaultName(opened.schema());
      result = new Importer(opened.schema(), pkg, name, version(opened), opened.description(),
          opened.data()).generate();
      Importer.write(result, outDir);
    } catch (Exception e) {
      err.println("keystone import: " + e.getMessage());
      return 2;
    }
    out.println("keystone import: wrote " + result.files().size() + " files of package " + pkg
        + " under " + outDir);
    result.files().forEach(f -> out.println("  " + f.typeSpec().name() + ".java"));
    if (!result.mappings().isEmpty()) {
      out.println("Value types (from the declared type and the values in the source):");
      result.mappings().forEach(m -> out.println("  " + m));
    }
    if (!result.notes().isEmpty()) {
      out.println("Not carried over as written (" + result.notes().size() + "):");
      for (Note n : result.notes()) {
        out.println("  " + (n.structural() ? "[differs] " : "") + n);
      }
      if (result.notes().stream().anyMatch(Note::structural)) {
        out.println("[differs]: opening the original file with the generated database is"
            + " refused until this is mended in the file or the code.");
      }
    }
    out.flush();
    return 0;
  }

  /** The file's PRAGMA user_version when it has one, so the generated version continues it. */
  private static int version(Source opened) throws Exception {
    if (opened.schema().dialect() != SourceSchema.Dialect.SQLITE) {
      return 1;
    }
    try (Statement st = opened.connection().createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      int v = rs.next() ? rs.getInt(1) : 0;
      return Math.max(v, 1);
    }
  }

  private String defaultName(SourceSchema s) {
    String base = source.startsWith("jdbc:") ? (schema == null ? "public" : schema)
        : Path.of(source).getFileName().toString().replaceFirst("\\.[^.]*$", "");
    StringBuilder name = new StringBuilder();
    for (String part : base.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String n = name.length() == 0 || !Character.isLetter(name.charAt(0)) ? "Imported" + name
        : name.toString();
    return n + "Database";
  }
}
