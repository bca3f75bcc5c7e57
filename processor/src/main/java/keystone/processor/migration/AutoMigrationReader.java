package keystone.processor.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import keystone.processor.diagnostics.Source;
import keystone.processor.migration.AutoMigrationDeclaration.ColumnDelete;
import keystone.processor.migration.AutoMigrationDeclaration.ColumnRename;
import keystone.processor.migration.AutoMigrationDeclaration.Spec;
import keystone.processor.migration.AutoMigrationDeclaration.TableDelete;
import keystone.processor.migration.AutoMigrationDeclaration.TableRename;
import keystone.processor.reading.Annotations;
import keystone.processor.reading.Env;
import keystone.processor.reading.MissingTypeException;

/** Reads {@code @Database(autoMigrations = ...)} and the spec classes it names. */
final class AutoMigrationReader {
  static final String DATABASE = "keystone.Database";
  private static final String RENAME_TABLE = "keystone.RenameTable";
  private static final String DELETE_TABLE = "keystone.DeleteTable";
  private static final String RENAME_COLUMN = "keystone.RenameColumn";
  private static final String DELETE_COLUMN = "keystone.DeleteColumn";

  private static final Set<String> KINDS =
      Set.of(RENAME_TABLE, DELETE_TABLE, RENAME_COLUMN, DELETE_COLUMN);

  private final Annotations annotations;

  AutoMigrationReader(Env env) {
    this.annotations = new Annotations(env);
  }

  List<AutoMigrationDeclaration> read(TypeElement db) {
    AnnotationMirror database = Annotations.find(db, DATABASE).orElse(null);
    AnnotationValue declared =
        database == null ? null : Annotations.explicit(database, "autoMigrations");
    List<AutoMigrationDeclaration> out = new ArrayList<>();
    if (declared == null) {
      return out;
    }
    for (AnnotationValue v : annotations.list(database, "autoMigrations")) {
      AnnotationMirror auto = (AnnotationMirror) v.getValue();
      Source at = new Source(db, database, v);
      TypeElement spec;
      try {
        spec = annotations.type(auto, "spec");
      } catch (MissingTypeException missing) {
        throw missing.at(at);
      }
      out.add(new AutoMigrationDeclaration(annotations.integer(auto, "from"),
          annotations.integer(auto, "to"), at, spec == null ? Spec.none() : spec(spec)));
    }
    return out;
  }

  private Spec spec(TypeElement spec) {
    List<TableRename> tableRenames = new ArrayList<>();
    List<TableDelete> tableDeletes = new ArrayList<>();
    List<ColumnRename> columnRenames = new ArrayList<>();
    List<ColumnDelete> columnDeletes = new ArrayList<>();
    for (Declared d : declared(spec)) {
      AnnotationMirror m = d.mirror();
      Source at = d.at();
      switch (d.type()) {
        case RENAME_TABLE -> tableRenames.add(new TableRename(
            annotations.string(m, "from"), annotations.string(m, "to"), at));
        case DELETE_TABLE -> tableDeletes.add(new TableDelete(annotations.string(m, "table"), at));
        case RENAME_COLUMN -> columnRenames.add(new ColumnRename(annotations.string(m, "table"),
            annotations.string(m, "from"), annotations.string(m, "to"), at));
        case DELETE_COLUMN -> columnDeletes.add(new ColumnDelete(
            annotations.string(m, "table"), annotations.string(m, "column"), at));
        default -> { }
      }
    }
    return new Spec(tableRenames, tableDeletes, columnRenames, columnDeletes);
  }

  /** A declaration with the spot to report it at. */
  private record Declared(String type, AnnotationMirror mirror, Source at) {}

  /**
   * Direct declarations, and repeated ones from inside their container (javac wraps two
   * {@code @RenameColumn} into one {@code @RenameColumn.List}).
   */
  private List<Declared> declared(TypeElement spec) {
    List<Declared> out = new ArrayList<>();
    for (AnnotationMirror m : spec.getAnnotationMirrors()) {
      String type = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .toString();
      String single = type.substring(0, Math.max(0, type.length() - ".List".length()));
      if (type.endsWith(".List") && KINDS.contains(single)) {
        for (AnnotationValue v : annotations.list(m, "value")) {
          if (v.getValue() instanceof AnnotationMirror inner) {
            out.add(new Declared(single, inner, new Source(spec, m, v)));
          }
        }
      } else if (KINDS.contains(type)) {
        out.add(new Declared(type, m, new Source(spec, m, null)));
      }
    }
    return out;
  }
}
