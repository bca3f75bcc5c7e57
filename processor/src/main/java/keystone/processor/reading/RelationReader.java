package keystone.processor.reading;

import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.Affinity;
import keystone.processor.types.RelationKey;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.JavaValue;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.RelationModel;
import keystone.processor.model.RelationModel.Container;
import keystone.processor.model.ResultModel;
import keystone.processor.model.ResultModel.ResultProperty;
import keystone.processor.reading.ResultReader.Origin;
import keystone.processor.sql.SchemaDatabase;
import keystone.processor.sql.SqlNames;

/**
 * Reads a {@code @Relation} property with the same standards as a foreign key: both columns
 * exist, their affinities agree (SQLite compares keys of different storage classes as unequal,
 * https://www.sqlite.org/datatype3.html#comparisons), and a junction references both sides
 * through foreign keys, so every link the engine keeps points at a row.
 */
final class RelationReader {
  private final Env env;
  private final Annotations annotations;
  private final ResultReader results;

  RelationReader(Env env, ResultReader results) {
    this.env = env;
    this.annotations = new Annotations(env);
    this.results = results;
  }

  /** The side of a relation a column belongs to, for messages. */
  private record Side(EntityModel entity, String column) {
    String describe() {
      return entity.table() + "." + column;
    }
  }

  Optional<ResultProperty> read(
      TypeElement parent, Property p, Source at, List<String> columns,
      Map<Integer, Origin> origins, Report report, DaoContext ctx, Set<String> path) {
    String name = parent.getSimpleName() + "." + p.name();
    AnnotationMirror a = at.mirror();
    TypeMirror type = p.type();
    Container container = Container.SINGLE;
    TypeMirror element = type;
    String erased = env.types().erasure(type).toString();
    if (erased.equals("java.util.List") || erased.equals("java.util.Set")) {
      container = erased.equals("java.util.List") ? Container.LIST : Container.SET;
      element = WriteMethodReader.elementOf((DeclaredType) type);
    }
    TypeElement elementType = element != null && element.getKind() == TypeKind.DECLARED
        ? (TypeElement) env.types().asElement(element) : null;
    List<String> projection = annotations.strings(a, "projection");
    // Room's projection: one column may fill a List<String>-like field of its values.
    Optional<JavaValue> scalar = element == null ? Optional.empty() : env.adapters().of(element);
    if (scalar.isPresent() && projection.size() != 1) {
      report.add(at, Message.RELATION_FIELD_TYPE, name, type + " (a field of column values needs"
          + " @Relation(entity = ..., projection = {\"oneColumn\"}))");
      return Optional.empty();
    }
    if (scalar.isEmpty() && (elementType == null
        || !((DeclaredType) element).getTypeArguments().isEmpty()
        || !Constructors.buildable(elementType))) {
      report.add(at, Message.RELATION_FIELD_TYPE, name, type);
      return Optional.empty();
    }
    if (scalar.isEmpty() && path.contains(elementType.getQualifiedName().toString())) {
      report.add(at, Message.RELATION_NOT_ALLOWED, name, elementType.getSimpleName()
          + " holds itself again, so loading would never end; load the next level with another"
          + " query");
      return Optional.empty();
    }
    Optional<EntityModel> target = entity(name, a, elementType, at, report, ctx);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    EntityModel entity = target.get();
    String parentName = annotations.string(a, "parentColumn");
    String entityName = annotations.string(a, "entityColumn");
    int parentColumn = ResultReader.indexOf(columns, parentName, parentName);
    boolean ok = true;
    if (parentColumn < 0) {
      report.add(at.attribute("parentColumn"), Message.RELATION_PARENT_COLUMN_MISSING, name,
          parentName, String.join(", ", columns));
      ok = false;
    }
    List<String> loaded = projection.isEmpty() ? entity.columnNames() : projection;
    for (String column : projection) {
      if (entity.column(column).isEmpty()) {
        report.add(at.attribute("projection"), Message.RELATION_ENTITY_COLUMN_MISSING, name,
            "projection", column, entity.table(), String.join(", ", entity.columnNames()));
        ok = false;
      }
    }
    Optional<ColumnModel> entityColumn = entity.column(entityName);
    if (entityColumn.isEmpty()) {
      report.add(at.attribute("entityColumn"), Message.RELATION_ENTITY_COLUMN_MISSING, name,
          "entityColumn", entityName, entity.table(), String.join(", ", entity.columnNames()));
      ok = false;
    }
    AnnotationMirror junctionMirror = (AnnotationMirror) annotations.value(a, "associateBy");
    TypeElement junctionType = annotations.type(junctionMirror, "value");
    boolean viaJunction = junctionType != null
        && !junctionType.getQualifiedName().contentEquals("java.lang.Void");
    if (!ok) {
      return Optional.empty();
    }
    Origin parentOrigin = origins.get(parentColumn);
    RelationKey key = RelationKey.of(entityColumn.get().value());
    String select;
    List<Integer> tables = new ArrayList<>();
    tables.add(ctx.tables().indexOf(entity.table()));
    Source junctionAt = at.attribute("associateBy");
    if (viaJunction) {
      EntityModel junction = ctx.entities().get(junctionType.getQualifiedName().toString());
      if (junction == null && ctx.broken().contains(junctionType.getQualifiedName().toString())) {
        return Optional.empty();
      }
      if (junction == null) {
        report.add(junctionAt, Message.RELATION_ENTITY_NOT_IN_DATABASE, name,
            junctionType.getSimpleName(), ctx.database());
        return Optional.empty();
      }
      String jp = orDefault(annotations.string(junctionMirror, "parentColumn"), parentName);
      String je = orDefault(annotations.string(junctionMirror, "entityColumn"), entityName);
      Optional<ColumnModel> jpColumn = junction.column(jp);
      Optional<ColumnModel> jeColumn = junction.column(je);
      for (String[] missing : new String[][] {{"parentColumn", jp}, {"entityColumn", je}}) {
        if (junction.column(missing[1]).isEmpty()) {
          report.add(junctionAt, Message.RELATION_ENTITY_COLUMN_MISSING, name,
              "junction " + missing[0], missing[1], junction.table(),
              String.join(", ", junction.columnNames()));
          ok = false;
        }
      }
      if (!ok) {
        return Optional.empty();
      }
      EntityModel parentEntity = parentOrigin == null ? null : parentOrigin.entity();
      ok &= references(name, junction, jp, parentEntity, parentName, junctionAt, report);
      ok &= references(name, junction, je, entity, entityName, junctionAt, report);
      ok &= sameAffinity(name, parentOrigin, parentName, new Side(junction, jp),
          RelationKey.of(jpColumn.get().value()), at, report);
      if (!RelationKey.of(jeColumn.get().value()).equals(key)) {
        report.add(junctionAt, Message.RELATION_AFFINITY_MISMATCH, name,
            junction.table() + "." + je, RelationKey.of(jeColumn.get().value()),
            entity.table() + "." + entityName, key);
        ok = false;
      }
      key = RelationKey.of(jpColumn.get().value());
      select = "SELECT " + qualified("r", loaded) + ", j." + SqlNames.quote(jp)
          + " FROM " + SqlNames.quote(entity.table()) + " AS r JOIN "
          + SqlNames.quote(junction.table()) + " AS j ON j." + SqlNames.quote(je) + " = r."
          + SqlNames.quote(entityName) + " WHERE j." + SqlNames.quote(jp) + " IN (";
      tables.add(ctx.tables().indexOf(junction.table()));
    } else {
      ok &= sameAffinity(name, parentOrigin, parentName, new Side(entity, entityName), key, at,
          report);
      select = "SELECT " + SqlNames.quoteAll(loaded) + ", "
          + SqlNames.quote(entityName) + " FROM " + SqlNames.quote(entity.table()) + " WHERE "
          + SqlNames.quote(entityName) + " IN (";
    }
    if (key.affinity() == Affinity.BLOB) {
      report.add(at, Message.RELATION_NOT_ALLOWED, name,
          "its key is a BLOB, which cannot be matched by value; key on an INTEGER or TEXT column");
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    SchemaDatabase.Prepared prepared = ctx.schema().prepare(select + "?)");
    if (prepared.error() != null) {
      report.add(at, Message.QUERY_INVALID_SQL, ctx.database(), prepared.error());
      return Optional.empty();
    }
    Optional<ResultModel> row = scalar.isPresent()
        ? Optional.of(new ResultModel(scalar.get(), scalar.get().type(), null, List.of()))
        : results.object(element, loaded, "", at, report, ctx, path, true, new HashMap<>());
    if (row.isEmpty()) {
      return Optional.empty();
    }
    collectTables(row.get(), tables);
    String loader = "load" + parent.getSimpleName() + Character.toUpperCase(p.name().charAt(0))
        + p.name().substring(1);
    RelationModel relation = new RelationModel(loader, container, TypeName.get(type), key,
        parentColumn, select, loaded.size(), row.get(), tables);
    return Optional.of(new ResultProperty(p.name(), null, p.setter(), -1, null, relation));
  }

  /** The entity whose table is loaded: named, the element type itself, or the one it embeds. */
  private Optional<EntityModel> entity(
      String name, AnnotationMirror a, TypeElement element, Source at, Report report,
      DaoContext ctx) {
    TypeElement named = annotations.type(a, "entity");
    if (named != null && !named.getQualifiedName().contentEquals("java.lang.Void")) {
      EntityModel e = ctx.entities().get(named.getQualifiedName().toString());
      if (e == null && !ctx.broken().contains(named.getQualifiedName().toString())) {
        report.add(at.attribute("entity"), Message.RELATION_ENTITY_NOT_IN_DATABASE, name,
            named.getSimpleName(), ctx.database());
      }
      return Optional.ofNullable(e);
    }
    if (element == null) {
      report.add(at, Message.RELATION_ENTITY_UNKNOWN, name, "a column value");
      return Optional.empty();
    }
    EntityModel direct = ctx.entities().get(element.getQualifiedName().toString());
    if (direct != null) {
      return Optional.of(direct);
    }
    if (ctx.broken().contains(element.getQualifiedName().toString())) {
      return Optional.empty();
    }
    if (EntityReader.isEntity(element)) {
      report.add(at, Message.RELATION_ENTITY_NOT_IN_DATABASE, name, element.getSimpleName(),
          ctx.database());
      return Optional.empty();
    }
    List<EntityModel> embedded = new ArrayList<>();
    for (Property p : new PropertyReader(env).read(element)) {
      if (Annotations.find(p.declarations(), ResultReader.EMBEDDED).isPresent()
          && p.type().getKind() == TypeKind.DECLARED) {
        TypeElement t = (TypeElement) env.types().asElement(p.type());
        EntityModel e = ctx.entities().get(t.getQualifiedName().toString());
        if (e != null) {
          embedded.add(e);
        }
      }
    }
    if (embedded.size() != 1) {
      report.add(at, Message.RELATION_ENTITY_UNKNOWN, name, element.getSimpleName());
      return Optional.empty();
    }
    return Optional.of(embedded.get(0));
  }

  /** Whether {@code junction.column} has a single-column foreign key to {@code target}. */
  private static boolean references(
      String name, EntityModel junction, String column, EntityModel target, String targetColumn,
      Source at, Report report) {
    for (ForeignKeyModel fk : junction.foreignKeys()) {
      if (fk.childColumns().size() == 1 && fk.childColumns().get(0).equalsIgnoreCase(column)
          && fk.parentColumns().size() == 1
          && fk.parentColumns().get(0).equalsIgnoreCase(targetColumn)
          && (target == null || target.table().equalsIgnoreCase(fk.parentTable()))) {
        return true;
      }
    }
    report.add(at, Message.RELATION_JUNCTION_NO_FOREIGN_KEY, name, junction.table(),
        junction.table() + "." + column, target == null ? "the parent" : target.table(),
        targetColumn);
    return false;
  }

  private static boolean sameAffinity(
      String name, Origin parent, String parentName, Side other, RelationKey otherAffinity,
      Source at, Report report) {
    if (parent == null || parent.affinity().equals(otherAffinity)) {
      return true;
    }
    String parentDescribed = parent.entity() == null ? "parent column " + parentName
        : parent.entity().table() + "." + parentName;
    report.add(at.attribute("parentColumn"), Message.RELATION_AFFINITY_MISMATCH, name,
        parentDescribed, parent.affinity(), other.describe(), otherAffinity);
    return false;
  }

  private static void collectTables(ResultModel row, List<Integer> tables) {
    for (ResultProperty p : row.properties()) {
      if (p.relation() != null) {
        for (int t : p.relation().tables()) {
          if (!tables.contains(t)) {
            tables.add(t);
          }
        }
      }
    }
  }

  private static String qualified(String alias, List<String> columns) {
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      out.add(alias + "." + SqlNames.quote(c));
    }
    return String.join(", ", out);
  }

  private static String orDefault(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }
}
