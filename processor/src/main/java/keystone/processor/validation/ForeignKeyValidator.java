package keystone.processor.validation;

import static keystone.ForeignKey.Action.RESTRICT;
import static keystone.ForeignKey.Action.SET_DEFAULT;
import static keystone.ForeignKey.Action.SET_NULL;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import keystone.ForeignKey.Action;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;
import keystone.processor.reading.ImpliedIndexes;

/**
 * Checks a foreign key the way SQLite would at the first statement that touches it, and what
 * SQLite never checks (https://www.sqlite.org/foreignkeys.html#fk_indexes).
 */
final class ForeignKeyValidator {
  private final String database;
  private final Map<String, EntityModel> byType;
  private final Predicate<String> isEntity;
  private final Report report;

  ForeignKeyValidator(
      String database, Map<String, EntityModel> byType, Predicate<String> isEntity,
      Report report) {
    this.database = database;
    this.byType = byType;
    this.isEntity = isEntity;
    this.report = report;
  }

  void validate(EntityModel child, ForeignKeyModel fk) {
    Source at = fk.source();
    EntityModel parent = byType.get(fk.parentEntity());
    if (parent == null) {
      if (!isEntity.test(fk.parentEntity())) {
        report.add(at.attribute("entity"), Message.FOREIGN_KEY_PARENT_NOT_ENTITY, fk.name(),
            fk.parentEntity());
      } else {
        report.add(
            at.attribute("entity"), Message.FOREIGN_KEY_PARENT_NOT_IN_DATABASE, fk.name(),
            fk.parentEntity(), database);
      }
      return;
    }
    boolean ok = columnsExist(child, fk.childColumns(), fk, false);
    if (fk.single() && fk.parentColumnsDefaulted() && parent.primaryKey().size() > 1) {
      report.add(
          at.attribute("entity"), Message.FOREIGN_KEY_PARENT_COMPOSITE_KEY, parent.simpleName(),
          String.join(", ", parent.primaryKey()));
      return;
    }
    ok &= columnsExist(parent, fk.parentColumns(), fk, true);
    if (fk.childColumns().isEmpty()
        || fk.childColumns().size() != fk.parentColumns().size()) {
      report.add(
          at.attribute(fk.childColumns().isEmpty() ? "columns" : parentAttribute(fk)),
          Message.FOREIGN_KEY_COLUMN_COUNT, fk.name(), fk.childColumns().size(),
          fk.parentColumns().size());
      return;
    }
    if (!ok) {
      return;
    }
    checkParentUnique(child, parent, fk);
    for (int i = 0; i < fk.childColumns().size(); i++) {
      ColumnModel c = child.column(fk.childColumns().get(i)).orElseThrow();
      ColumnModel p = parent.column(fk.parentColumns().get(i)).orElseThrow();
      // Compared as stored, after any converter: SQLite joins by affinity, PostgreSQL needs
      // an equality operator between the two types (an int and a long have one).
      if (c.affinity() != p.affinity() || !c.stored().family().equals(p.stored().family())) {
        report.add(
            at.attribute(fk.single() ? "entity" : "columns"),
            Message.FOREIGN_KEY_AFFINITY_MISMATCH, fk.name(), child.table() + "." + c.name(),
            describe(c), parent.table() + "." + p.name(), describe(p));
      }
      checkAction(child, fk, c, "DELETE", fk.onDelete());
      checkAction(child, fk, c, "UPDATE", fk.onUpdate());
    }
    warnings(child, parent, fk);
  }

  private boolean columnsExist(
      EntityModel entity, List<String> columns, ForeignKeyModel fk, boolean parent) {
    boolean ok = true;
    for (String column : columns) {
      if (entity.column(column).isEmpty()) {
        ok = false;
        report.add(
            fk.source().attribute(parent ? parentAttribute(fk) : "columns"),
            parent ? Message.FOREIGN_KEY_PARENT_COLUMN_MISSING : Message.FOREIGN_KEY_COLUMN_MISSING,
            fk.name(), column, entity.table(), EntityValidator.available(entity));
      }
    }
    return ok;
  }

  /** SQLite's "foreign key mismatch": https://www.sqlite.org/foreignkeys.html#fk_indexes */
  private void checkParentUnique(EntityModel child, EntityModel parent, ForeignKeyModel fk) {
    Set<String> wanted = lower(fk.parentColumns());
    if (wanted.equals(lower(parent.primaryKey()))) {
      return;
    }
    if (wanted.size() == 1) {
      Optional<ColumnModel> c = parent.column(fk.parentColumns().get(0));
      if (c.isPresent() && c.get().unique()) {
        return;
      }
    }
    for (IndexModel index : parent.indexes()) {
      if (index.unique() && wanted.equals(lower(index.columns()))) {
        return;
      }
    }
    String fix;
    if (fk.parentColumns().size() == 1) {
      String property = parent.column(fk.parentColumns().get(0)).orElseThrow().property();
      fix = "add @Column(unique = true) to " + parent.simpleName() + "." + property;
    } else {
      fix = "add @Index(columns = {\"" + String.join("\", \"", fk.parentColumns())
          + "\"}, unique = true) to " + parent.simpleName();
    }
    report.add(
        fk.source().attribute(parentAttribute(fk)), Message.FOREIGN_KEY_PARENT_NOT_UNIQUE,
        child.table() + "." + String.join(", ", fk.childColumns()),
        parent.table() + "(" + String.join(", ", fk.parentColumns()) + ")", fix);
  }

  private void checkAction(
      EntityModel child, ForeignKeyModel fk, ColumnModel c, String event, Action action) {
    boolean notNull = !c.nullable() || child.isPrimaryKey(c);
    Source at = fk.source().attribute(event.equals("DELETE") ? "onDelete" : "onUpdate");
    if (action == SET_NULL && notNull) {
      report.add(at, Message.FOREIGN_KEY_SET_NULL_NOT_NULL, fk.name(), event,
          child.table() + "." + c.name());
    }
    if (action == SET_DEFAULT && c.defaultValue() == null) {
      report.add(at, Message.FOREIGN_KEY_SET_DEFAULT_NO_DEFAULT, fk.name(), event,
          child.table() + "." + c.name());
    }
  }

  private void warnings(EntityModel child, EntityModel parent, ForeignKeyModel fk) {
    if (!ImpliedIndexes.covered(
        fk.childColumns(), child.primaryKey(), child.columns(), child.indexes())) {
      report.add(
          fk.source().attribute("index"), Message.FOREIGN_KEY_NO_INDEX, fk.name(), child.table(),
          String.join(", ", fk.childColumns()), parent.table(), child.table());
    }
    // https://www.sqlite.org/foreignkeys.html#fk_deferred: RESTRICT is never deferred.
    if (fk.deferred() && fk.onDelete() == RESTRICT) {
      report.add(fk.source().attribute("deferred"), Message.RESTRICT_DEFERRED, fk.name(),
          "DELETE");
    }
    if (fk.deferred() && fk.onUpdate() == RESTRICT) {
      report.add(fk.source().attribute("deferred"), Message.RESTRICT_DEFERRED, fk.name(),
          "UPDATE");
    }
  }

  /** The attribute naming the parent columns: {@code column} or {@code parentColumns}. */
  private static String parentAttribute(ForeignKeyModel fk) {
    return fk.single() ? "column" : "parentColumns";
  }

  private static Set<String> lower(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(n.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static String describe(ColumnModel c) {
    return c.stored().sqlite() + " (" + c.stored().postgres() + " on PostgreSQL, Java "
        + c.value().type() + ")";
  }
}
