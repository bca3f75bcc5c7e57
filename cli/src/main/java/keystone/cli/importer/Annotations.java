package keystone.cli.importer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Keystone annotations the generated sources use, and array literals for their values. */
final class Annotations {
  static final ClassName ENTITY = ClassName.get("keystone", "Entity");
  static final ClassName PRIMARY_KEY = ClassName.get("keystone", "PrimaryKey");
  static final ClassName COLUMN = ClassName.get("keystone", "Column");
  static final ClassName NOT_NULL = ClassName.get("keystone", "NotNull");
  static final ClassName CHECK = ClassName.get("keystone", "Check");
  static final ClassName COMPOSITE_KEY = ClassName.get("keystone", "CompositeForeignKey");
  static final ClassName FOREIGN_KEY = ClassName.get("keystone", "ForeignKey");
  static final ClassName ACTION = ClassName.get("keystone", "ForeignKey", "Action");
  static final ClassName INDEX = ClassName.get("keystone", "Index");
  static final ClassName DAO = ClassName.get("keystone", "Dao");
  static final ClassName INSERT = ClassName.get("keystone", "Insert");
  static final ClassName UPSERT = ClassName.get("keystone", "Upsert");
  static final ClassName DELETE = ClassName.get("keystone", "Delete");
  static final ClassName QUERY = ClassName.get("keystone", "Query");
  static final ClassName DATABASE = ClassName.get("keystone", "Database");
  static final ClassName DATABASE_VIEW = ClassName.get("keystone", "DatabaseView");
  static final ClassName KEYSTONE_DATABASE = ClassName.get("keystone.engine", "KeystoneDatabase");

  private Annotations() {}

  static CodeBlock strings(List<String> values) {
    return CodeBlock.of("{" + values.stream().map(v -> "$S").collect(Collectors.joining(", "))
        + "}", values.toArray());
  }

  static CodeBlock action(String sql) {
    // The constant spelt in the format, so that JavaPoet can use the static import.
    return CodeBlock.of("$T." + sql.toUpperCase(Locale.ROOT).replace(' ', '_'), ACTION);
  }

  static AnnotationSpec of(ClassName type, String member, String format, Object... args) {
    return AnnotationSpec.builder(type).addMember(member, format, args).build();
  }
}
