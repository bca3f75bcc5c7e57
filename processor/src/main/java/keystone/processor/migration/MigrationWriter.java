package keystone.processor.migration;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import keystone.processor.migration.PlannedMigration.AddForeignKey;
import keystone.processor.migration.PlannedMigration.Rebuild;
import keystone.processor.migration.PlannedMigration.Sql;
import keystone.processor.migration.PlannedMigration.Step;

/**
 * Renders the planned migrations as the constants the engine looks for in
 * {@code <Database>_Impl}, {@code MIGRATIONS} for SQLite and {@code POSTGRES_MIGRATIONS} for
 * PostgreSQL, each migration under a comment saying what it changes.
 */
final class MigrationWriter {
  private static final ClassName MIGRATION = ClassName.get("keystone.engine", "Migration");
  private static final ClassName STEP = ClassName.get("keystone.engine", "SchemaStep");
  private static final ClassName REBUILD = STEP.nestedClass("Rebuild");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName MAP = ClassName.get("java.util", "Map");

  private MigrationWriter() {}

  /** {@code MIGRATIONS} (SQLite) and {@code POSTGRES_MIGRATIONS}, from the same changes. */
  static List<FieldSpec> fields(String database, List<SchemaChange> changes) {
    List<SchemaChange> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingInt(SchemaChange::from));
    return List.of(
        field("MIGRATIONS", sorted.stream().map(SqliteSteps::render).toList(),
            "The {@code @AutoMigration}s of {@code $L}, planned by comparing the schemas"
                + " exported\nfor each version; the engine runs them after the builder's own.\n",
            database),
        field("POSTGRES_MIGRATIONS", sorted.stream().map(PostgresSteps::render).toList(),
            "The same {@code @AutoMigration}s of {@code $L} for PostgreSQL,\nmade in place by"
                + " its ALTER TABLE; the PostgreSQL engine runs these instead of\n"
                + "{@link #MIGRATIONS}.\n",
            database));
  }

  private static FieldSpec field(
      String name, List<PlannedMigration> planned, String javadoc, String database) {
    List<CodeBlock> items = new ArrayList<>();
    for (PlannedMigration m : planned) {
      items.add(migration(m));
    }
    return FieldSpec.builder(ParameterizedTypeName.get(LIST, MIGRATION), name,
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(javadoc, database)
        .initializer(CodeBlock.of("$T.of(\n$>$>$L$<$<)", LIST, CodeBlock.join(items, ",\n")))
        .build();
  }

  private static CodeBlock migration(PlannedMigration m) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.add("// $L -> $L:\n", m.from(), m.to());
    m.changes().forEach(change -> code.add("// - $L\n", change));
    if (m.steps().isEmpty()) {
      return code.add("$T.of($L, $L, db -> { })", MIGRATION, m.from(), m.to()).build();
    }
    List<CodeBlock> steps = new ArrayList<>();
    for (Step s : m.steps()) {
      steps.add(step(s));
    }
    return code.add("$T.schema($L, $L,\n$>$>$L)$<$<", MIGRATION, m.from(), m.to(),
        CodeBlock.join(steps, ",\n")).build();
  }

  private static CodeBlock step(Step step) {
    if (step instanceof Sql sql) {
      return CodeBlock.of("$T.sql($S)", STEP, sql.ddl());
    }
    if (step instanceof AddForeignKey key) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.addForeignKey($S, $S,\n$>$>$S", STEP,
          key.table(), key.constraint(), key.createTable());
      key.indexes().forEach(i -> code.add(",\n$S", i));
      return code.add(")$<$<").build();
    }
    Rebuild r = (Rebuild) step;
    List<CodeBlock> indexes = new ArrayList<>();
    r.indexes().forEach(i -> indexes.add(CodeBlock.of("$S", i)));
    if (r.columnSources().isEmpty()) {
      CodeBlock.Builder code = CodeBlock.builder()
          .add("$T.rebuild($S,\n$>$>$S", STEP, r.table(), r.createTable());
      indexes.forEach(i -> code.add(",\n$L", i));
      return code.add(")$<$<").build();
    }
    List<CodeBlock> sources = new ArrayList<>();
    for (Map.Entry<String, String> e : r.columnSources().entrySet()) {
      sources.add(CodeBlock.of("$T.entry($S, $S)", MAP, e.getKey(), e.getValue()));
    }
    return CodeBlock.of("new $T($S,\n$>$>$S,\n$T.ofEntries($L),\n$T.of($L))$<$<", REBUILD,
        r.table(), r.createTable(), MAP, CodeBlock.join(sources, ", "), LIST,
        CodeBlock.join(indexes, ", "));
  }
}
