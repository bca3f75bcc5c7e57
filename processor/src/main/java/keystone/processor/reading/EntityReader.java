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
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import keystone.Naming;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;
import keystone.processor.model.JavaValue;
import keystone.processor.model.Shape;

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
  private final Constructors constructors;
  private final Map<String, Result> full = new HashMap<>();
  private final Map<String, Result> shallow = new HashMap<>();

  public EntityReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.properties = new PropertyReader(env);
    this.foreignKeys = new ForeignKeyReader(annotations);
    this.constructors = new Constructors(env);
  }

  public static boolean isEntity(TypeElement type) {
    return Annotations.find(type, ENTITY).isPresent();
  }

  /** The entity as read alone (snake_case unless it says otherwise). */
  public Result read(TypeElement type) {
    return read(type, Naming.SNAKE_CASE);
  }

  /** The entity as a database with this {@code naming} lists it. */
  public Result read(TypeElement type, Naming naming) {
    String key = cacheKey(type, naming);
    Result cached = full.get(key);
    if (cached == null) {
      cached = env.adapters().inType(type, () -> read(type, naming, true));
      full.put(key, cached);
    }
    return cached;
  }

  /** Table, columns and key only: enough to resolve a foreign key without following cycles. */
  private Result readShallow(TypeElement type, Naming naming) {
    String key = cacheKey(type, naming);
    Result cached = shallow.get(key);
    if (cached == null) {
      cached = env.adapters().inType(type, () -> read(type, naming, false));
      shallow.put(key, cached);
    }
    return cached;
  }

  /** Per database too: a database's converters may decide an entity's column types. */
  private String cacheKey(TypeElement type, Naming naming) {
    return type.getQualifiedName() + "/" + naming + " in " + env.adapters().database();
  }

  private Result read(TypeElement type, Naming databaseNaming, boolean withKeys) {
    Report report = new Report();
    AnnotationMirror entity = Annotations.find(type, ENTITY).orElseThrow();
    Source at = new Source(type, entity, null);
    ElementKind kind = type.getKind();
    if (kind != ElementKind.RECORD && kind != ElementKind.CLASS) {
      report.add(at, Message.ENTITY_NOT_CLASS, kind.toString().toLowerCase(Locale.ROOT));
      return new Result(null, report);
    }
    boolean record = kind == ElementKind.RECORD;
    EntityNaming naming = EntityNaming.of(entity, databaseNaming, annotations);
    String table = annotations.string(entity, "table");
    if (table.isEmpty()) {
      table = naming.table(type);
    }
    List<Property> props = naming.naming() == Naming.AS_DECLARED
        ? RoomOrder.ownFieldsFirst(properties.read(type)) : properties.read(type);
    Constructors.Choice creator = null;
    if (!record) {
      if (type.getModifiers().contains(Modifier.ABSTRACT)) {
        report.add(at, Message.ENTITY_NO_CONSTRUCTOR, type.getSimpleName(),
            "none, it is abstract");
        return new Result(null, report);
      }
      Optional<Constructors.Choice> chosen = constructors.choose(type, props, at, report);
      if (chosen.isEmpty()) {
        return new Result(null, report);
      }
      creator = chosen.get();
    }
    checkIgnored(type, record, props, report);
    List<ColumnModel> columns = new ArrayList<>();
    List<String> keyFromField = new ArrayList<>();
    boolean autoGenerate = false;
    for (int i = 0; i < props.size(); i++) {
      Property p = props.get(i);
      boolean byConstructor = record || creator.takes(i);
      Optional<ColumnModel> column = column(type, p, creator, byConstructor, naming, report);
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
            : !creator.arguments().isEmpty()
                ? Shape.CONSTRUCTOR
                : columns.stream().allMatch(c -> c.getter().field() && c.setter().field())
                    ? Shape.FIELDS
                    : Shape.BEAN;
    if (report.hasErrors()) {
      return new Result(null, report);
    }
    List<ForeignKeyModel> keys = withKeys
        ? foreignKeys.read(type, table, props, naming::column,
            t -> readShallow(t, databaseNaming).model())
        : List.of();
    List<IndexModel> indexes = new ArrayList<>(declaredIndexes(entity, table, at));
    if (annotations.bool(entity, "inheritSuperIndices")) {
      indexes.addAll(SuperIndices.of(type, table, this::declaredIndexes));
    }
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

  private Optional<ColumnModel> column(
      TypeElement type, Property p, Constructors.Choice creator, boolean byConstructor,
      EntityNaming naming, Report report) {
    Source at = Source.of(p.element());
    Optional<JavaValue> value = env.adapters().of(p.type(), p.declarations());
    if (value.isEmpty()) {
      report.add(at, Message.COLUMN_TYPE_UNSUPPORTED, p.name(), p.type());
      return Optional.empty();
    }
    boolean isFinal = p.element().getModifiers().contains(Modifier.FINAL);
    if (p.setter() == null && !byConstructor && isFinal) {
      report.add(at, Message.COLUMN_FINAL_NOT_IN_CONSTRUCTOR, p.name(),
          Constructors.describe(type, creator.constructor()), type.getSimpleName(), p.name());
      return Optional.empty();
    }
    if (p.getter() == null || (!byConstructor && p.setter() == null)) {
      String missing = p.getter() == null ? "getter" : "setter";
      report.add(at, Message.COLUMN_NO_ACCESSOR, p.name(), missing);
      return Optional.empty();
    }
    Optional<Source> column = Annotations.find(p.declarations(), COLUMN);
    String name = naming.column(p.name());
    String defaultValue = null;
    boolean unique = false;
    String sqliteType = null;
    boolean nullableKey = false;
    String postgresType = null;
    String postgresDefault = null;
    if (column.isPresent()) {
      AnnotationMirror m = column.get().mirror();
      at = column.get();
      String explicitName = annotations.string(m, "name");
      name = explicitName.isEmpty() ? name : explicitName;
      String d = annotations.string(m, "defaultValue");
      defaultValue = d.isEmpty() ? null : d;
      unique = annotations.bool(m, "unique");
      String t = annotations.string(m, "sqliteType").trim();
      sqliteType = t.isEmpty() ? null : t;
      nullableKey = annotations.bool(m, "nullableKey");
      String pg = annotations.string(m, "postgresType").trim();
      postgresType = pg.isEmpty() ? null : pg;
      // Not trimmed: a blank one is refused where it is written (DeclaredTypes).
      String pd = annotations.string(m, "postgresDefault");
      postgresDefault = pd.isEmpty() ? null : pd;
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
            p.setter(), at, sqliteType, nullableKey, postgresType, postgresDefault));
  }

  List<IndexModel> declaredIndexes(AnnotationMirror entity, String table, Source at) {
    List<IndexModel> out = new ArrayList<>();
    for (AnnotationValue v : annotations.list(entity, "indices")) {
      AnnotationMirror m = (AnnotationMirror) v.getValue();
      List<String> columns = annotations.strings(m, "columns");
      String name = annotations.string(m, "name");
      if (name.isEmpty()) {
        name = "idx_" + table + "_" + String.join("_", columns);
      }
      out.add(new IndexModel(name, columns, annotations.bool(m, "unique"), false,
          new Source(at.element(), at.mirror(), v), annotations.bool(m, "constraint")));
    }
    return out;
  }
}
