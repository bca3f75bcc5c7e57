package keystone.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ResultModel;
import keystone.processor.model.ResultModel.ResultProperty;

/**
 * A multimap return, {@code Map<K, List<V>>} or {@code Map<K, V>}, as Room has them: each row
 * fills a K and a V from its columns. Where two tables of the join have a column of one name
 * ({@code SELECT * FROM authors JOIN posts}: {@code id} twice), an entity type takes the columns
 * that come from its own table, as SQLite reports each column's table of origin; a name that is
 * still ambiguous for a type is a compile error, never a silent pick.
 */
final class MultimapReader {
  static final String MAP = "java.util.Map";

  /** The key and value models; {@code lists} for {@code Map<K, List<V>>}. */
  record Multimap(ResultModel key, ResultModel value, boolean lists) {}

  private final Env env;
  private final ResultReader results;

  MultimapReader(Env env, ResultReader results) {
    this.env = env;
    this.results = results;
  }

  Optional<Multimap> read(DeclaredType map, List<String> columns, List<String> tables,
      Source at, Report report, DaoContext ctx) {
    List<? extends TypeMirror> args = map.getTypeArguments();
    if (args.size() != 2) {
      report.add(at, Message.QUERY_RETURN_TYPE, map, "give the key and value types");
      return Optional.empty();
    }
    TypeMirror key = args.get(0);
    TypeMirror value = args.get(1);
    boolean lists = env.types().erasure(value).toString().equals("java.util.List");
    if (lists) {
      value = WriteMethodReader.elementOf((DeclaredType) value);
    }
    for (TypeMirror t : new TypeMirror[] {key, value}) {
      if (t == null || t.getKind() != TypeKind.DECLARED || ValueTypes.of(t).isPresent()) {
        report.add(at, Message.MULTIMAP_TYPE, map, t);
        return Optional.empty();
      }
    }
    if (!hasValueEquality(key)) {
      report.add(at, Message.MULTIMAP_KEY_EQUALITY, key);
      return Optional.empty();
    }
    Optional<ResultModel> k = side(key, columns, tables, at, report, ctx);
    Optional<ResultModel> v = side(value, columns, tables, at, report, ctx);
    if (k.isEmpty() || v.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Multimap(k.get(), v.get(), lists));
  }

  /** {@code type} read from the columns it may take; an ambiguous one is reported. */
  private Optional<ResultModel> side(TypeMirror type, List<String> columns, List<String> tables,
      Source at, Report report, DaoContext ctx) {
    TypeElement element = (TypeElement) env.types().asElement(type);
    EntityModel entity = ctx.entities().get(element.getQualifiedName().toString());
    List<String> own = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String from = tables.get(i);
      boolean mine = entity == null || from == null || from.equalsIgnoreCase(entity.table());
      // A column of another table is hidden by a name no property has; indexes stay.
      own.add(mine ? columns.get(i) : "");
    }
    Optional<ResultModel> model = results.read(type, own, at, report, ctx);
    if (model.isEmpty()) {
      return model;
    }
    if (model.get().hasRelations()) {
      report.add(at, Message.QUERY_RETURN_TYPE, type,
          "a multimap's key and value are built from one row; @Relation is not loaded there");
      return Optional.empty();
    }
    for (int column : model.get().columnsRead()) {
      String name = own.get(column);
      List<String> from = new ArrayList<>();
      for (int i = 0; i < own.size(); i++) {
        if (own.get(i).equalsIgnoreCase(name)) {
          from.add(tables.get(i) == null ? "an expression" : tables.get(i));
        }
      }
      if (from.size() > 1) {
        String other = tables.stream().filter(t -> t != null).reduce((a, b) -> b).orElse("t");
        report.add(at, Message.MULTIMAP_AMBIGUOUS_COLUMN, element.getSimpleName(), name,
            from.size(), String.join(", ", from), other, name.toLowerCase(Locale.ROOT));
        return Optional.empty();
      }
    }
    return model;
  }


  /** Records have it; a class must declare equals and hashCode, or every row is a new key. */
  private boolean hasValueEquality(TypeMirror type) {
    TypeElement e = (TypeElement) env.types().asElement(type);
    if (e.getKind() == ElementKind.RECORD || e.getKind() == ElementKind.ENUM) {
      return true;
    }
    boolean equals = false;
    boolean hash = false;
    for (ExecutableElement m : ElementFilter.methodsIn(env.elements().getAllMembers(e))) {
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      if (owner.getQualifiedName().contentEquals("java.lang.Object")) {
        continue;
      }
      equals |= m.getSimpleName().contentEquals("equals") && m.getParameters().size() == 1;
      hash |= m.getSimpleName().contentEquals("hashCode") && m.getParameters().isEmpty();
    }
    return equals && hash;
  }
}
