package keystone.processor.reading;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;
import keystone.processor.model.JavaValue;
import keystone.processor.model.Shape;
import keystone.processor.sql.SqlNames;

/**
 * Reads {@code @Entity} types into {@link EntityModel}s. Problems that leave no model to build
 * (wrong kind of type, unmappable field) are reported here; the rules over a built model live in
 * the validation package. Results are cached for the round.
 */
public final class EntityReader {
  public static final String ENTITY = "keystone.Entity";
  private static final String PRIMARY_KEY = "keystone.PrimaryKey";
  static final String COLUMN = "keystone.Column";
  private static final String CHECK = "keystone.Check";
  static final String FOREIGN_KEY = "keystone.ForeignKey";

  /** A model, or null when the problems leave nothing to build. */
  public record Result(EntityModel model, Report report) {}

  private final Env env;
  private final Annotations annotations;
  private final PropertyReader properties;
  private final ForeignKeyReader foreignKeys;
  private final Map<String, Result> full = new HashMap<>();
  private final Map<String, Result> shallow = new HashMap<>();

  public EntityReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.properties = new PropertyReader(env);
    this.foreignKeys = new ForeignKeyReader(annotations, t -> readShallow(t).model());
  }

  public static boolean isEntity(TypeElement type) {
    return Annotations.find(type, ENTITY).isPresent();
  }

  public Result read(TypeElement type) {
    String key = type.getQualifiedName().toString();
    Result cached = full.get(key);
    if (cached == null) {
      cached = read(type, true);
      full.put(key, cached);
    }
    return cached;
  }

  /** Table, columns and key only: enough to resolve a foreign key without following cycles. */
  private Result readShallow(TypeElement type) {
    String key = type.getQualifiedName().toString();
    Result cached = shallow.get(key);
    if (cached == null) {
      cached = read(type, false);
      shallow.put(key, cached);
    }
    return cached;
  }

  private Result read(TypeElement type, boolean withKeys) {
    Report report = new Report();
    AnnotationMirror entity = Annotations.find(type, ENTITY).orElseThrow();
    Source at = new Source(type, entity, null);
    ElementKind kind = type.getKind();
    if (kind != ElementKind.RECORD && kind != ElementKind.CLASS) {
      report.add(at, Message.ENTITY_NOT_CLASS, kind.toString().toLowerCase(Locale.ROOT));
      return new Result(null, report);
    }
    boolean record = kind == ElementKind.RECORD;
    if (!record && !PropertyReader.hasNoArgConstructor(type)) {
      report.add(at, Message.ENTITY_NO_CONSTRUCTOR, type.getSimpleName());
      return new Result(null, report);
    }
    String table = annotations.string(entity, "table");
    if (table.isEmpty()) {
      table = SqlNames.snakeCase(type.getSimpleName().toString());
    }
    List<Property> props = properties.read(type);
    checkIgnored(type, record, props, report);
    List<ColumnModel> columns = new ArrayList<>();
    List<String> keyFromField = new ArrayList<>();
    boolean autoGenerate = false;
    for (Property p : props) {
      Optional<ColumnModel> column = column(p, record, report);
      if (column.isEmpty()) {
        continue;
      }
      columns.add(column.get());
      Optional<Source> pk = Annotations.find(p.declarations(), PRIMARY_KEY);
      if (pk.isPresent()) {
        keyFromField.add(column.get().name());
        autoGenerate |= annotations.bool(pk.get().mirror(), "autoGenerate");
      }
    }
    List<String> keyFromEntity = annotations.strings(entity, "primaryKey");
    if (!keyFromField.isEmpty() && !keyFromEntity.isEmpty() || keyFromField.size() > 1) {
      report.add(
          at.withValue(Annotations.explicit(entity, "primaryKey")),
          Message.ENTITY_TWO_PRIMARY_KEYS,
          type.getSimpleName());
    }
    List<String> primaryKey = keyFromField.isEmpty() ? keyFromEntity : keyFromField;
    Shape shape =
        record
            ? Shape.RECORD
            : columns.stream().allMatch(c -> c.getter().field() && c.setter().field())
                ? Shape.FIELDS
                : Shape.BEAN;
    if (report.hasErrors()) {
      return new Result(null, report);
    }
    List<ForeignKeyModel> keys = withKeys ? foreignKeys.read(type, table, props) : List.of();
    List<IndexModel> indexes = new ArrayList<>(declaredIndexes(entity, table, at));
    ImpliedIndexes.add(table, primaryKey, columns, keys, indexes);
    EntityModel model =
        new EntityModel(
            type.getQualifiedName().toString(),
            ClassName.get(type),
            table,
            shape,
            columns,
            primaryKey,
            autoGenerate,
            keys,
            indexes,
            annotations.strings(entity, "checks"),
            at);
    return new Result(report.hasErrors() ? null : model, report);
  }

  /**
   * {@code @Ignore} cannot drop a record component (the canonical constructor takes it), and an
   * ignored field has no column for a key annotation to describe.
   */
  private static void checkIgnored(
      TypeElement type, boolean record, List<Property> props, Report report) {
    if (record) {
      for (Property p : props) {
        Annotations.find(p.declarations(), PropertyReader.IGNORE).ifPresent(
            at -> report.add(at, Message.IGNORE_ON_RECORD_COMPONENT, p.name(),
                type.getSimpleName()));
      }
      return;
    }
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Optional<AnnotationMirror> ignore = Annotations.find(field, PropertyReader.IGNORE);
      if (ignore.isEmpty()) {
        continue;
      }
      for (String key : List.of(PRIMARY_KEY, FOREIGN_KEY, COLUMN, CHECK)) {
        if (Annotations.find(field, key).isPresent()) {
          report.add(new Source(field, ignore.get(), null), Message.IGNORED_COLUMN_ANNOTATION,
              field.getSimpleName(), key.substring(key.indexOf('.') + 1));
        }
      }
    }
  }

  private Optional<ColumnModel> column(Property p, boolean record, Report report) {
    Source at = Source.of(p.element());
    Optional<JavaValue> value = ValueTypes.of(p.type());
    if (value.isEmpty()) {
      report.add(at, Message.COLUMN_TYPE_UNSUPPORTED, p.name(), p.type());
      return Optional.empty();
    }
    if (p.getter() == null || (!record && p.setter() == null)) {
      String missing = p.getter() == null ? "getter" : "setter";
      report.add(at, Message.COLUMN_NO_ACCESSOR, p.name(), missing);
      return Optional.empty();
    }
    Optional<Source> column = Annotations.find(p.declarations(), COLUMN);
    String name = SqlNames.snakeCase(p.name());
    String defaultValue = null;
    boolean unique = false;
    if (column.isPresent()) {
      AnnotationMirror m = column.get().mirror();
      at = column.get();
      String explicitName = annotations.string(m, "name");
      name = explicitName.isEmpty() ? name : explicitName;
      String d = annotations.string(m, "defaultValue");
      defaultValue = d.isEmpty() ? null : d;
      unique = annotations.bool(m, "unique");
    }
    String check =
        Annotations.find(p.declarations(), CHECK)
            .map(s -> annotations.string(s.mirror(), "value"))
            .orElse(null);
    boolean nullable = ValueTypes.nullable(p.type(), p.declarations())
        && Annotations.find(p.declarations(), PRIMARY_KEY).isEmpty();
    return Optional.of(
        new ColumnModel(
            name, p.name(), value.get(), nullable, defaultValue, unique, check, p.getter(),
            p.setter(), at));
  }

  private List<IndexModel> declaredIndexes(AnnotationMirror entity, String table, Source at) {
    List<IndexModel> out = new ArrayList<>();
    for (AnnotationValue v : annotations.list(entity, "indices")) {
      AnnotationMirror m = (AnnotationMirror) v.getValue();
      List<String> columns = annotations.strings(m, "columns");
      String name = annotations.string(m, "name");
      if (name.isEmpty()) {
        name = "idx_" + table + "_" + String.join("_", columns);
      }
      out.add(new IndexModel(name, columns, annotations.bool(m, "unique"), false,
          new Source(at.element(), at.mirror(), v)));
    }
    return out;
  }
}
