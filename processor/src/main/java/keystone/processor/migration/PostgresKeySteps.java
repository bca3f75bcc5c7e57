package keystone.processor.migration;

import static keystone.processor.sql.PostgresNames.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import keystone.processor.migration.PlannedMigration.Sql;
import keystone.processor.migration.PlannedMigration.Step;
import keystone.processor.migration.SchemaVersion.Index;
import keystone.processor.migration.SchemaVersion.Key;
import keystone.processor.migration.SchemaVersion.Table;

/**
 * The foreign keys and indexes of one kept table on PostgreSQL. Keys and indexes are matched
 * across the two versions through the migration's renames, because PostgreSQL refers to tables
 * and columns by identity: a key whose parent was renamed is still the same key, and one that
 * changed only its name is renamed rather than dropped and validated again.
 */
final class PostgresKeySteps {
  private final TableChange table;
  private final SchemaChange change;
  private final String name;
  private final List<Key> droppedKeys = new ArrayList<>();
  private final List<Key> addedKeys = new ArrayList<>();
  private final Map<Key, Key> renamedKeys = new LinkedHashMap<>();
  private final List<Index> droppedIndexes = new ArrayList<>();
  private final List<Index> addedIndexes = new ArrayList<>();
  private final Map<Index, Index> renamedIndexes = new LinkedHashMap<>();

  PostgresKeySteps(TableChange table, SchemaChange change) {
    this.table = table;
    this.change = change;
    this.name = quote(table.now().name());
    match(table.old().foreignKeys(), table.now().foreignKeys(), this::sameKey, Key::name,
        droppedKeys, addedKeys, renamedKeys);
    match(table.old().indexes(), table.now().indexes(), this::sameIndex, Index::name,
        droppedIndexes, addedIndexes, renamedIndexes);
  }

  /** Keys go first, before the columns, unique constraints and tables they depend on. */
  List<Step> dropKeys() {
    List<Step> out = new ArrayList<>();
    droppedKeys.forEach(k -> out.add(alter("DROP CONSTRAINT " + quote(k.name()))));
    return out;
  }

  List<Step> dropIndexes() {
    List<Step> out = new ArrayList<>();
    droppedIndexes.forEach(i -> out.add(i.constraint()
        ? alter("DROP CONSTRAINT " + quote(i.name())) : new Sql("DROP INDEX " + quote(i.name()))));
    return out;
  }

  List<Step> renames() {
    List<Step> out = new ArrayList<>();
    renamedKeys.forEach((from, to) -> out.add(
        alter("RENAME CONSTRAINT " + quote(from.name()) + " TO " + quote(to.name()))));
    renamedIndexes.forEach((from, to) -> out.add(
        new Sql("ALTER INDEX " + quote(from.name()) + " RENAME TO " + quote(to.name()))));
    return out;
  }

  /** The new indexes, but for those that go in with their key (see {@link #addKeys}). */
  List<Step> createIndexes() {
    List<Step> out = new ArrayList<>();
    for (Index i : addedIndexes) {
      if (addedKeys.stream().noneMatch(k -> keyIndex(k) == i)) {
        out.add(new Sql(PostgresTableDdl.createIndex(table.now(), i)));
      }
    }
    return out;
  }

  /**
   * Each new key as {@code SchemaStep.addForeignKey}: the engine adds it NOT VALID and validates
   * the rows already there apart, as seed 003 recommends, with the key's own new index.
   */
  List<Step> addKeys() {
    Table now = table.now();
    String createTable = PostgresTableDdl.createTable(now, now.foreignKeys(), change::newTable);
    List<Step> out = new ArrayList<>();
    for (Key k : addedKeys) {
      Index index = keyIndex(k);
      out.add(new PlannedMigration.AddForeignKey(now.name(), k.name(), createTable,
          index == null ? List.of() : List.of(PostgresTableDdl.createIndex(now, index))));
    }
    return out;
  }

  List<String> changes() {
    String t = table.now().name();
    List<String> out = new ArrayList<>();
    for (Key k : droppedKeys) {
      Key same = addedKeys.stream().filter(a -> a.name().equalsIgnoreCase(k.name())).findFirst()
          .orElse(null);
      out.add(same == null ? "drops foreign key " + t + "." + k.name()
          : "changes foreign key " + t + "." + k.name() + " (" + difference(k, same) + ")");
    }
    addedKeys.stream()
        .filter(a -> droppedKeys.stream().noneMatch(k -> k.name().equalsIgnoreCase(a.name())))
        .forEach(a -> out.add("adds foreign key " + t + "." + a.name()));
    renamedKeys.forEach((from, to) ->
        out.add("renames foreign key " + t + "." + from.name() + " to " + to.name()));
    droppedIndexes.forEach(i -> out.add("drops index " + i.name()));
    addedIndexes.forEach(i -> out.add("creates index " + i.name()));
    renamedIndexes.forEach((from, to) ->
        out.add("renames index " + from.name() + " to " + to.name()));
    return out;
  }

  private Step alter(String action) {
    return new Sql("ALTER TABLE " + name + " " + action);
  }

  /** The new index on exactly the key's columns that the key brings along, if any. */
  private Index keyIndex(Key key) {
    return addedIndexes.stream()
        .filter(i -> !i.unique() && lower(i.columns()).equals(lower(key.columns())))
        .findFirst().orElse(null);
  }

  private boolean sameKey(Key old, Key now) {
    TableChange parent = change.keptByOldName(old.parentTable());
    return parent != null && parent.now().name().equalsIgnoreCase(now.parentTable())
        && sameColumns(table, old.columns(), now.columns())
        && sameColumns(parent, old.parentColumns(), now.parentColumns())
        && old.onDelete().equals(now.onDelete()) && old.onUpdate().equals(now.onUpdate())
        && old.deferred() == now.deferred();
  }

  private boolean sameIndex(Index old, Index now) {
    return old.unique() == now.unique() && old.constraint() == now.constraint()
        && sameColumns(table, old.columns(), now.columns());
  }

  private static boolean sameColumns(TableChange t, List<String> old, List<String> now) {
    if (old.size() != now.size()) {
      return false;
    }
    for (int i = 0; i < old.size(); i++) {
      String renamed = t.newName(old.get(i));
      if (renamed == null || !renamed.equalsIgnoreCase(now.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Pairs each new item with an old one that is the same (one of the same name first); the rest
   * are dropped or added, and a pair whose names differ is renamed.
   */
  private static <T> void match(
      List<T> old, List<T> now, BiPredicate<T, T> same, Function<T, String> name,
      List<T> dropped, List<T> added, Map<T, T> renamed) {
    List<T> left = new ArrayList<>(old);
    for (T n : now) {
      T pair = left.stream().filter(o -> same.test(o, n) && name.apply(o).equals(name.apply(n)))
          .findFirst().orElse(left.stream().filter(o -> same.test(o, n)).findFirst().orElse(null));
      if (pair == null) {
        added.add(n);
        continue;
      }
      left.remove(pair);
      if (!name.apply(pair).equals(name.apply(n))) {
        renamed.put(pair, n);
      }
    }
    dropped.addAll(left);
  }

  private static String difference(Key old, Key now) {
    List<String> what = new ArrayList<>();
    if (!lower(old.columns()).equals(lower(now.columns()))
        || !old.parentTable().equalsIgnoreCase(now.parentTable())
        || !lower(old.parentColumns()).equals(lower(now.parentColumns()))) {
      what.add("now " + now.columns() + " -> " + now.parentTable() + now.parentColumns());
    }
    if (!old.onDelete().equals(now.onDelete())) {
      what.add("ON DELETE " + old.onDelete() + " -> " + now.onDelete());
    }
    if (!old.onUpdate().equals(now.onUpdate())) {
      what.add("ON UPDATE " + old.onUpdate() + " -> " + now.onUpdate());
    }
    if (old.deferred() != now.deferred()) {
      what.add(now.deferred() ? "INITIALLY DEFERRED" : "INITIALLY IMMEDIATE");
    }
    return String.join(", ", what);
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(SchemaVersion::lower).toList();
  }
}
