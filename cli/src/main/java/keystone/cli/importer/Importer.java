package keystone.cli.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import keystone.cli.schema.SourceSchema;
import keystone.cli.schema.SourceSchema.Outside;
import keystone.cli.schema.SourceSchema.Table;

/** Turns a source schema into Java sources: entities, DAOs and one database. */
public final class Importer {
  private final SourceSchema schema;
  private final String pkg;
  private final String databaseName;
  private final int version;
  private final String origin;

  /** What was written, and every part of the source that is not carried over as written. */
  public record Result(List<JavaFile> files, List<Note> notes) {}

  public Importer(SourceSchema schema, String pkg, String databaseName, int version,
      String origin) {
    this.schema = schema;
    this.pkg = pkg;
    this.databaseName = databaseName;
    this.version = version;
    this.origin = origin;
  }

  public Result generate() {
    List<Note> schemaNotes = new ArrayList<>();
    for (Outside o : schema.outside()) {
      schemaNotes.add(new Note(null, o.kind() + " " + o.name() + " is not expressible; it stays in"
          + " the original file but Keystone will not create it: " + oneLine(o.sql()), false));
    }
    Map<String, TablePlan> plans = new LinkedHashMap<>();
    for (Table t : schema.tables()) {
      if (t.primaryKey().isEmpty()) {
        schemaNotes.add(new Note(t.name(), "has no primary key; a Keystone entity needs one, so"
            + " the table is left out (keys that refer to it too)", false));
        continue;
      }
      plans.put(t.name().toLowerCase(Locale.ROOT), new TablePlan(schema, t));
    }
    for (TablePlan plan : plans.values()) {
      plan.keys.removeIf(k -> {
        boolean missing = !plans.containsKey(k.parent().toLowerCase(Locale.ROOT));
        if (missing) {
          plan.notes.add(new Note(plan.table.name(), "foreign key " + k.label() + " refers to a"
              + " table that is left out; the key is left out", true));
        }
        return missing;
      });
    }
    List<JavaFile> files = new ArrayList<>();
    EntityWriter entities = new EntityWriter(pkg, plans);
    DaoWriter daos = new DaoWriter(pkg);
    List<Note> all = new ArrayList<>(schemaNotes);
    for (TablePlan plan : plans.values()) {
      boolean actions = plan.keys.stream()
          .anyMatch(k -> !k.onDelete().equals("NO ACTION") || !k.onUpdate().equals("NO ACTION"));
      files.add(actions ? withActions(entities.write(plan, origin))
          : file(entities.write(plan, origin)));
      files.add(file(daos.write(plan)));
      all.addAll(plan.notes);
    }
    files.add(file(database(plans.values(), schemaNotes, all)));
    return new Result(files, all);
  }

  private TypeSpec database(
      Iterable<TablePlan> plans, List<Note> schemaNotes, List<Note> all) {
    List<CodeBlock> entities = new ArrayList<>();
    TypeSpec.Builder db = TypeSpec.interfaceBuilder(databaseName)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(Annotations.KEYSTONE_DATABASE)
        .addJavadoc("The database imported from $L by {@code keystone import}: one entity and one"
            + " DAO per table.\n", origin);
    for (TablePlan plan : plans) {
      entities.add(CodeBlock.of("$T.class", ClassName.get(pkg, plan.className)));
      db.addMethod(MethodSpec.methodBuilder(JavaNames.member(plan.table.name()))
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(ClassName.get(pkg, DaoWriter.daoName(plan)))
          .build());
    }
    db.addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(Annotations.DATABASE)
        .addMember("entities", "{$L}", CodeBlock.join(entities, ", "))
        .addMember("version", "$L", version)
        .build());
    Comments.notes(db, all.isEmpty() ? schemaNotes : all);
    return db.build();
  }

  private JavaFile file(TypeSpec type) {
    return JavaFile.builder(pkg, type).skipJavaLangImports(true).indent("  ").build();
  }

  /** Actions read as in the README: {@code onDelete = CASCADE}. */
  private JavaFile withActions(TypeSpec type) {
    return JavaFile.builder(pkg, type).skipJavaLangImports(true).indent("  ")
        .addStaticImport(Annotations.ACTION, "*").build();
  }

  /** Writes the files under {@code out} (a source root: the package becomes directories). */
  public static void write(Result result, Path out) throws IOException {
    for (JavaFile f : result.files()) {
      f.writeTo(out);
    }
  }

  private static String oneLine(String sql) {
    return sql.lines().map(String::trim).collect(Collectors.joining(" "));
  }
}
