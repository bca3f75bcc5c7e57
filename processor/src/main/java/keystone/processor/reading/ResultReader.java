package keystone.processor.reading;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.JavaValue;
import keystone.processor.types.RelationKey;
import keystone.processor.model.ResultModel;
import keystone.processor.model.ResultModel.ResultProperty;
import keystone.processor.model.Shape;
import keystone.processor.sql.SqlNames;

/**
 * Matches a result type to the columns SQLite reported: a property takes the column named like
 * its column name or its Java name, ignoring case; an {@code @Embedded} property is built from
 * the same row (its columns prefixed); a {@code @Relation} property is left to
 * {@link RelationReader}, once every column of the row is known.
 */
final class ResultReader {
  static final String EMBEDDED = "keystone.Embedded";
  static final String RELATION = "keystone.Relation";

  /** Where a result column comes from: its type, and the entity whose column it is, if any. */
  record Origin(RelationKey affinity, EntityModel entity) {}

  private final Env env;
  private final Annotations annotations;
  private final PropertyReader properties;
  private final RelationReader relations;
  private final Constructors constructors;
  private final Reachability reachability;

  ResultReader(Env env) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.properties = new PropertyReader(env);
    this.relations = new RelationReader(env, this);
    this.constructors = new Constructors(env);
    this.reachability = new Reachability(env);
  }

  Optional<ResultModel> read(
      TypeMirror row, List<String> columns, Source at, Report report, DaoContext ctx) {
    Optional<JavaValue> scalar = env.adapters().of(row);
    if (scalar.isPresent()) {
      return Optional.of(new ResultModel(scalar.get(), scalar.get().type(), null, List.of()));
    }
    return object(row, columns, "", at, report, ctx, new HashSet<>(), true, new HashMap<>());
  }

  /**
   * The object {@code row} read from {@code columns}; {@code path} holds the types whose
   * relations are being read, so that a type nesting itself is refused instead of recursing.
   * {@code origins} receives, per column read, its type and entity, which relations key on.
   */
  Optional<ResultModel> object(
      TypeMirror row, List<String> columns, String prefix, Source at, Report report,
      DaoContext ctx, Set<String> path, boolean relationsAllowed, Map<Integer, Origin> origins) {
    TypeElement type = row.getKind() == TypeKind.DECLARED
        ? (TypeElement) env.types().asElement(row) : null;
    boolean record = type != null && type.getKind() == ElementKind.RECORD;
    if (type == null || !Constructors.buildable(type)) {
      report.add(at, Message.QUERY_RETURN_TYPE, row,
          "rows map to a scalar, a record, or a class with a non-private constructor");
      return Optional.empty();
    }
    if (ctx.broken().contains(type.getQualifiedName().toString())) {
      return Optional.empty();   // its own mistake is reported on it
    }
    EntityModel owner = ctx.entities().get(type.getQualifiedName().toString());
    List<Property> props = properties.read(type);
    Optional<Constructors.Choice> creator = record ? Optional.empty()
        : constructors.choose(type, props, at, report);
    if (!record && creator.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = reachability.check(type, creator.orElse(null), props, ctx, report);
    ResultProperty[] out = new ResultProperty[props.size()];
    List<Integer> related = new ArrayList<>();
    boolean allFields = true;
    for (int i = 0; i < props.size(); i++) {
      Property p = props.get(i);
      Optional<Source> relation = Annotations.find(p.declarations(), RELATION);
      Optional<Source> embedded = Annotations.find(p.declarations(), EMBEDDED);
      boolean byConstructor = record || creator.get().takes(i);
      if (!byConstructor && p.setter() == null) {
        report.add(at, Message.QUERY_RETURN_TYPE, row, "property " + p.name() + " cannot be set");
        ok = false;
        continue;
      }
      allFields &= byConstructor || p.setter().field();
      String name = type.getSimpleName() + "." + p.name();
      if (relation.isPresent()) {
        String refused = embedded.isPresent() ? "it is also @Embedded; keep one of the two"
            : !relationsAllowed ? "it is inside an @Embedded type; move it to the type that"
                + " embeds " + type.getSimpleName()
            : null;
        if (refused != null) {
          report.add(relation.get(), Message.RELATION_NOT_ALLOWED, name, refused);
          ok = false;
        } else {
          related.add(i);
        }
        continue;
      }
      if (embedded.isPresent()) {
        Optional<ResultModel> part = embedded(p, name, embedded.get(), columns, prefix, report,
            ctx, origins);
        ok &= part.isPresent();
        if (part.isPresent()) {
          out[i] = new ResultProperty(p.name(), null, p.setter(), -1, part.get(), null);
        }
        continue;
      }
      Optional<JavaValue> value = valueOf(type, owner, p);
      if (value.isEmpty()) {
        report.add(at, Message.QUERY_RETURN_TYPE, row,
            "property " + p.name() + " has no column mapping");
        ok = false;
        continue;
      }
      // An entity's own column name (its naming decides it); else @Column or snake_case.
      String column = prefix + (owner != null
          ? owner.columns().stream().filter(c -> c.property().equals(p.name()))
              .map(ColumnModel::name).findFirst()
          : Optional.<String>empty())
          .or(() -> Annotations.find(p.declarations(), "keystone.Column")
              .map(c -> annotations.string(c.mirror(), "name"))
              .filter(n -> !n.isEmpty()))
          .orElse(SqlNames.snakeCase(p.name()));
      int index = columns instanceof RawColumns raw
          ? raw.add(column, prefix + p.name(), ValueTypes.nullable(p.type(), p.declarations()))
          : indexOf(columns, column, prefix + p.name());
      if (index < 0 && !ValueTypes.nullable(p.type(), p.declarations())) {
        report.add(at, Message.QUERY_RESULT_MISSING_COLUMN, type.getSimpleName(), p.name(),
            column, String.join(", ", columns));
        ok = false;
      }
      if (index >= 0) {
        RelationKey affinity = owner == null ? RelationKey.of(value.get())
            : owner.column(column.substring(prefix.length()))
                .map(c -> RelationKey.of(c.value()))
                .orElse(RelationKey.of(value.get()));
        origins.putIfAbsent(index, new Origin(affinity, owner));
      }
      out[i] = ResultProperty.column(p.name(), value.get(), p.setter(), index);
    }
    Set<String> inner = new HashSet<>(path);
    inner.add(type.getQualifiedName().toString());
    for (int i : related) {
      Property p = props.get(i);
      Source at2 = Annotations.find(p.declarations(), RELATION).orElseThrow();
      Optional<ResultProperty> r =
          relations.read(type, p, at2, columns, origins, report, ctx, inner);
      ok &= r.isPresent();
      if (r.isPresent()) {
        out[i] = r.get();
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    List<Integer> arguments = creator.map(Constructors.Choice::arguments).orElse(List.of());
    Shape shape = record ? Shape.RECORD : !arguments.isEmpty() ? Shape.CONSTRUCTOR
        : allFields ? Shape.FIELDS : Shape.BEAN;
    return Optional.of(new ResultModel(null, TypeName.get(row), shape, List.of(out), arguments));
  }

  /**
   * An entity's own column adapter when the row is that entity, so that it reads what its
   * inserts wrote; otherwise the property's, with the result type's converters in scope.
   */
  private Optional<JavaValue> valueOf(TypeElement type, EntityModel owner, Property p) {
    if (owner != null) {
      for (ColumnModel c : owner.columns()) {
        if (c.property().equals(p.name())) {
          return Optional.of(c.value());
        }
      }
    }
    return env.adapters().within(type, () -> env.adapters().of(p.type(), p.declarations()));
  }

  private Optional<ResultModel> embedded(
      Property p, String name, Source at, List<String> columns, String prefix, Report report,
      DaoContext ctx, Map<Integer, Origin> origins) {
    TypeMirror t = p.type();
    TypeElement type = t.getKind() == TypeKind.DECLARED
        ? (TypeElement) env.types().asElement(t) : null;
    if (type == null || env.adapters().of(t).isPresent()
        || !Constructors.buildable(type)) {
      report.add(at, Message.EMBEDDED_TYPE, name, t);
      return Optional.empty();
    }
    String inner = prefix + annotations.string(at.mirror(), "prefix");
    return object(t, columns, inner, at, report, ctx, Set.of(), false, origins);
  }

  static int indexOf(List<String> columns, String column, String property) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column) || columns.get(i).equalsIgnoreCase(property)) {
        return i;
      }
    }
    return -1;
  }
}
