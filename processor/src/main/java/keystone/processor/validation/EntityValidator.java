package keystone.processor.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.model.ColumnModel;
import keystone.processor.types.BuiltIn;
import keystone.processor.model.EntityModel;
import keystone.processor.model.IndexModel;

/** Rules that concern one entity alone. */
public final class EntityValidator {
  private EntityValidator() {}

  public static Report validate(EntityModel e) {
    Report report = new Report();
    Set<String> names = new HashSet<>();
    for (ColumnModel c : e.columns()) {
      if (!names.add(c.name().toLowerCase(Locale.ROOT))) {
        report.add(c.source(), Message.COLUMN_DUPLICATE_NAME, c.name(), e.table());
      }
      boolean notNull = !c.nullable() || e.isPrimaryKey(c);
      if (notNull && c.defaultValue() != null && c.defaultValue().trim().equalsIgnoreCase("NULL")) {
        report.add(c.source(), Message.COLUMN_NOT_NULL_DEFAULT_NULL, e.table(), c.name());
      }
    }
    if (e.primaryKey().isEmpty()) {
      report.add(e.source(), Message.ENTITY_NO_PRIMARY_KEY, e.simpleName());
    }
    for (String key : e.primaryKey()) {
      if (e.column(key).isEmpty()) {
        report.add(
            e.source(), Message.PRIMARY_KEY_COLUMN_MISSING, key, e.table(), available(e));
      }
    }
    if (e.autoGenerate()) {
      ColumnModel key = e.column(e.primaryKey().get(0)).orElseThrow();
      if (key.value().adapter() != BuiltIn.LONG) {
        report.add(key.source(), Message.AUTO_GENERATE_NOT_LONG, key.value().type());
      }
    }
    for (IndexModel index : e.indexes()) {
      for (String column : index.columns()) {
        if (e.column(column).isEmpty()) {
          report.add(
              index.source(), Message.INDEX_COLUMN_MISSING, column, e.table(), available(e));
        }
      }
    }
    DeclaredTypes.validate(e, report);
    return report;
  }

  static String available(EntityModel e) {
    List<String> names = e.columnNames();
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
