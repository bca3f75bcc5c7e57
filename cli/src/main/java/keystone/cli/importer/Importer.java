package keystone.cli.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
  private final Values values;

  /**
   * What was written, every part of the source that is not carried over as written, and for
   * each column whose declared type names a value type, which Java type it got and why.
   */
  public record Result(List<JavaFile> files, List<Note> notes, List<String> mappings) {}

  /** {@code data}: the source's rows, read to choose value types; null when there are none. */
  public Importer(SourceSchema schema, String pkg, String databaseName, int version,
      String origin, java.sql.Connection data) {
    this.schema = schema;
    this.pkg = pkg;
    this.databaseName = databaseName;
    this.version = version;
    this.origin = origin;
    this.values = new Values(new ColumnValues(data));
  }

  public Result generate() {
    List<Note> outsideNotes = new ArrayList<>();
    List<Note> tableNotes = new ArrayList<>();
    List<String> leftOut = schema.tables().stream().filter(t -> t.primaryKey().isEmpty())
        .map(Table::name).toList();
    Map<String, TablePlan> plans = new LinkedHashMap<>();
    for (Table t : schema.tables()) {
      if (t.primaryKey().isEmpty()) {
        tableNotes.add(new Note(t.name(), "has no primary key; a Keystone entity needs one, so"
            + " the table is left out (keys that refer to it too)", false));
        continue;
      }
      plans.put(t.name().toLowerCase(Locale.ROOT), new TablePlan(schema, t, values));
    }
    List<ViewPlan> views = views(plans.values(), leftOut, outsideNotes);
    List<Note> schemaNotes = new ArrayList<>(outsideNotes);
    schemaNotes.addAll(tableNotes);
    for (TablePlan plan : plans.values()) {
      plan.keys.removeIf(k -> {
        boolean missing = !plans.containsKey(k.parent().toLowerCase(Locale.ROOT));
        if (missing) {
          // No entity can be the parent, so no annotation can declare the key; the file keeps
          // it, so its structure stays different. Say what to change.
          plan.notes.add(new Note(plan.table.name(), "foreign key " + k.label() + " refers to "
              + k.parent() + ", which is left out because it has no primary key; the key is"
              + " left out. To open the original file, give " + k.parent() + " a primary key"
              + " (rebuild it, https://www.sqlite.org/lang_altertable.html#otheralter) and"
              + " import again, or drop the key from " + plan.table.name(), true));
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
    ViewWriter viewWriter = new ViewWriter(pkg, schema.dialect(), values);
    for (ViewPlan view : views) {
      files.add(file(viewWriter.write(view, origin, all)));
      files.add(file(viewWriter.dao(view)));
    }
    files.add(file(database(plans.values(), views, schemaNotes, all)));
    List<String> mappings = new ArrayList<>();
    plans.values().forEach(p -> mappings.addAll(p.mappings));
    return new Result(files, all, mappings);
  }

  /**
   * The views that become {@code @DatabaseView}s, in the source's order (each after those it
   * reads); every other object outside the model (a view that cannot be carried, a trigger, a
   * virtual table) is noted with the reason.
   */
  private List<ViewPlan> views(Collection<TablePlan> plans, List<String> leftOut,
      List<Note> notes) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    plans.forEach(p -> tables.put(p.table.name(),
        p.columns.stream().map(c -> c.column().name()).toList()));
    List<ViewPlan> views = new ArrayList<>();
    for (Outside o : schema.outside()) {
      String refusal = "";
      if (o.kind().equals("view")) {
        ViewPlan view = ViewPlan.of(o, schema.dialect(), tables, views, leftOut);
        if (view.refusal() == null) {
          views.add(view);
          continue;
        }
        refusal = view.refusal();
      }
      notes.add(new Note(null, o.kind() + " " + o.name() + " is not expressible"
          + (refusal.isEmpty() ? "" : " (" + refusal + ")") + "; it stays in the"
          + " original " + (schema.dialect() == SourceSchema.Dialect.SQLITE ? "file" : "schema")
          + " but Keystone will not create it: " + oneLine(o.sql()), false));
    }
    return views;
  }

  private TypeSpec database(Iterable<TablePlan> plans, List<ViewPlan> views,
      List<Note> schemaNotes, List<Note> all) {
    List<CodeBlock> entities = new ArrayList<>();
    TypeSpec.Builder db = TypeSpec.interfaceBuilder(databaseName)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(Annotations.KEYSTONE_DATABASE)
        .addJavadoc("The database imported from $L by {@code keystone import}: one entity and one"
            + " DAO per table, a record and a DAO per view.\n", origin);
    for (TablePlan plan : plans) {
      entities.add(CodeBlock.of("$T.class", ClassName.get(pkg, plan.className)));
      db.addMethod(MethodSpec.methodBuilder(JavaNames.member(plan.table.name()))
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(ClassName.get(pkg, DaoWriter.daoName(plan)))
          .build());
    }
    for (ViewPlan view : views) {
      db.addMethod(MethodSpec.methodBuilder(JavaNames.member(view.view().name()))
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(ClassName.get(pkg, ViewWriter.daoName(view)))
          .build());
    }
    com.palantir.javapoet.AnnotationSpec.Builder database =
        com.palantir.javapoet.AnnotationSpec.builder(Annotations.DATABASE)
            .addMember("entities", "{$L}", CodeBlock.join(entities, ", "));
    if (!views.isEmpty()) {
      database.addMember("views", "{$L}", CodeBlock.join(views.stream()
          .map(v -> CodeBlock.of("$T.class", ClassName.get(pkg, ViewWriter.className(v))))
          .toList(), ", "));
    }
    db.addAnnotation(database.addMember("version", "$L", version).build());
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
    return sql.lines().map(String::trim).collect(Collectors.joining(" "))
        .replaceFirst(";\\s*$", ""); // pg_get_viewdef ends its SELECT with one.
  }
}
