package keystone.processor.migration;

import static keystone.processor.sql.PostgresNames.quote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import keystone.processor.migration.PlannedMigration.Sql;
import keystone.processor.migration.PlannedMigration.Step;
import keystone.processor.migration.PostgresImplicitNames.NamedCheck;
import keystone.processor.migration.SchemaVersion.Column;
import keystone.processor.migration.TableChange.ColumnChange;

/**
 * The columns of one kept table on PostgreSQL, changed in place by ALTER TABLE
 * (https://www.postgresql.org/docs/14/sql-altertable.html): columns dropped, renamed, added and
 * altered (type, NOT NULL, default), and the UNIQUE and CHECK constraints that go with them,
 * which PostgreSQL named itself and which keep the names a new database would give them.
 */
final class PostgresColumnSteps {
  private final TableChange table;
  private final String name;
  private final List<NamedCheck> oldChecks;
  private final List<NamedCheck> newChecks;
  private final List<String> changes = new ArrayList<>();

  PostgresColumnSteps(TableChange table) {
    this.table = table;
    this.name = quote(table.now().name());
    this.oldChecks = PostgresImplicitNames.checks(table.old());
    this.newChecks = PostgresImplicitNames.checks(table.now());
  }

  /** UNIQUE and CHECK constraints that go, before the columns they may name. */
  List<Step> dropConstraints() {
    List<Step> out = new ArrayList<>();
    for (ColumnChange c : table.columns()) {
      if (c.kept() && c.before().unique() && !c.after().unique()) {
        out.add(alter("DROP CONSTRAINT "
            + quote(PostgresImplicitNames.unique(table.old(), c.before()))));
        changes.add("drops UNIQUE of " + where(c.after()));
      }
    }
    for (NamedCheck check : unmatched(oldChecks, newChecks)) {
      out.add(alter("DROP CONSTRAINT " + quote(check.name())));
      changes.add("drops CHECK (" + check.expression() + ") of " + table.now().name());
    }
    return out;
  }

  /** Drops first, so that a column may be renamed to the name of one that goes. */
  List<Step> alter() {
    List<Step> out = new ArrayList<>();
    for (ColumnChange c : table.columns()) {
      if (c.dropped()) {
        out.add(alter("DROP COLUMN " + quote(c.before().name())));
        changes.add("drops column " + where(c.before()));
      }
    }
    for (ColumnChange c : table.columns()) {
      if (c.kept() && !c.before().name().equals(c.after().name())) {
        out.add(alter("RENAME COLUMN " + quote(c.before().name()) + " TO "
            + quote(c.after().name())));
        changes.add("renames column " + where(c.before()) + " to " + c.after().name());
      }
    }
    for (ColumnChange c : table.added()) {
      out.add(alter("ADD COLUMN " + PostgresTableDdl.column(table.now(), c.after()).definition()));
      changes.add("adds column " + where(c.after()));
    }
    for (ColumnChange c : table.columns()) {
      if (c.kept()) {
        out.addAll(alterColumn(c.before(), c.after()));
      }
    }
    out.addAll(addConstraints());
    out.addAll(renameConstraints());
    return out;
  }

  List<String> changes() {
    return changes;
  }

  /**
   * Type, default and NOT NULL. A type change drops the old default first, since PostgreSQL
   * cannot always cast it, and sets the new one after.
   */
  private List<Step> alterColumn(Column before, Column after) {
    List<Step> out = new ArrayList<>();
    List<String> what = new ArrayList<>();
    String column = "ALTER COLUMN " + quote(after.name()) + " ";
    String oldType = PostgresTableDdl.type(before);
    String newType = PostgresTableDdl.type(after);
    String oldDefault = PostgresTableDdl.column(table.old(), before).postgresDefault();
    String newDefault = PostgresTableDdl.column(table.now(), after).postgresDefault();
    boolean typeChanged = before.postgresType() == null
        ? !before.type().equals(after.type()) : !oldType.equals(newType);
    if (typeChanged) {
      if (oldDefault != null) {
        out.add(alter(column + "DROP DEFAULT"));
      }
      out.add(alter(column + "TYPE " + newType + " USING "
          + PostgresCasts.using(quote(after.name()), oldType, newType)));
      what.add("type " + oldType + " -> " + newType);
    }
    if (!Objects.equals(trim(oldDefault), trim(newDefault)) || typeChanged && newDefault != null) {
      out.add(alter(column + (newDefault == null ? "DROP DEFAULT" : "SET DEFAULT " + newDefault)));
      what.add(newDefault == null ? "no default" : "default " + newDefault);
    }
    boolean wasNotNull = before.notNull() || before.keyPosition() > 0;
    boolean notNull = after.notNull() || after.keyPosition() > 0;
    if (wasNotNull != notNull) {
      out.add(alter(column + (notNull ? "SET NOT NULL" : "DROP NOT NULL")));
      what.add(notNull ? "NOT NULL" : "nullable");
    }
    if (!what.isEmpty()) {
      changes.add("changes column " + where(after) + " (" + String.join(", ", what) + ")");
    }
    return out;
  }

  /** New UNIQUE columns and CHECKs; an added column brings its own in its ADD COLUMN. */
  private List<Step> addConstraints() {
    List<Step> out = new ArrayList<>();
    Set<String> inline = new HashSet<>();
    for (ColumnChange c : table.columns()) {
      if (c.kept() && !c.before().unique() && c.after().unique()) {
        out.add(alter("ADD UNIQUE (" + quote(c.after().name()) + ")"));
        changes.add("adds UNIQUE to " + where(c.after()));
      }
      if (c.added() && c.after().check() != null) {
        inline.add(c.after().check().trim());
      }
    }
    for (NamedCheck check : unmatched(newChecks, oldChecks)) {
      if (!inline.remove(check.expression())) {
        out.add(alter("ADD CHECK (" + check.expression() + ")"));
        changes.add("adds CHECK (" + check.expression() + ") to " + table.now().name());
      }
    }
    return out;
  }

  /** The names PostgreSQL gave the old table's constraints, changed as a new table has them. */
  private List<Step> renameConstraints() {
    List<String[]> renames = new ArrayList<>();
    if (!table.old().primaryKey().isEmpty()) {
      renames.add(new String[] {PostgresImplicitNames.primaryKey(table.old()),
          PostgresImplicitNames.primaryKey(table.now())});
    }
    for (ColumnChange c : table.columns()) {
      if (c.kept() && c.before().unique() && c.after().unique()) {
        renames.add(new String[] {PostgresImplicitNames.unique(table.old(), c.before()),
            PostgresImplicitNames.unique(table.now(), c.after())});
      }
    }
    for (NamedCheck check : oldChecks) {
      newChecks.stream().filter(n -> n.expression().equals(check.expression())).findFirst()
          .ifPresent(n -> renames.add(new String[] {check.name(), n.name()}));
    }
    List<Step> out = new ArrayList<>();
    for (String[] r : renames) {
      if (!r[0].equals(r[1])) {
        out.add(alter("RENAME CONSTRAINT " + quote(r[0]) + " TO " + quote(r[1])));
        changes.add("renames constraint " + r[0] + " to " + r[1]);
      }
    }
    return out;
  }

  /** The CHECKs of {@code these} whose expression {@code others} does not have. */
  private static List<NamedCheck> unmatched(List<NamedCheck> these, List<NamedCheck> others) {
    List<String> left = new ArrayList<>();
    others.forEach(o -> left.add(o.expression()));
    List<NamedCheck> out = new ArrayList<>();
    for (NamedCheck c : these) {
      if (!left.remove(c.expression())) {
        out.add(c);
      }
    }
    return out;
  }

  private Step alter(String action) {
    return new Sql("ALTER TABLE " + name + " " + action);
  }

  private String where(Column c) {
    return table.now().name() + "." + c.name();
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
