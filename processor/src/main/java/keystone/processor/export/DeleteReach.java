package keystone.processor.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;

/**
 * What deleting one row of a table can reach, following ON DELETE actions the way SQLite runs
 * them (https://www.sqlite.org/foreignkeys.html#fk_actions): CASCADE deletes child rows, which
 * go on to their own children; SET NULL and SET DEFAULT rewrite child rows and stop there;
 * RESTRICT and NO ACTION keys of every table a delete reaches can make it fail.
 *
 * @param table the table a row is deleted from
 * @param cascades tables whose rows may be deleted too, each with the table it is reached from
 * @param nulled child rows set to NULL, as {@code table.columns (constraint)}
 * @param defaulted child rows set to their default, same form
 * @param blockers keys that can fail the delete, as {@code table.columns (constraint, ACTION)}
 */
record DeleteReach(
    String table,
    Map<String, String> cascades,
    Set<String> nulled,
    Set<String> defaulted,
    Set<String> blockers) {

  static List<DeleteReach> of(List<EntityModel> entities) {
    Map<String, List<Child>> children = new LinkedHashMap<>();
    for (EntityModel e : entities) {
      for (ForeignKeyModel fk : e.foreignKeys()) {
        children.computeIfAbsent(key(fk.parentTable()), k -> new ArrayList<>())
            .add(new Child(e.table(), fk));
      }
    }
    List<DeleteReach> out = new ArrayList<>();
    for (EntityModel e : entities) {
      out.add(from(e.table(), children));
    }
    return out;
  }

  private static DeleteReach from(String start, Map<String, List<Child>> children) {
    Map<String, String> cascades = new LinkedHashMap<>();
    Set<String> nulled = new LinkedHashSet<>();
    Set<String> defaulted = new LinkedHashSet<>();
    Set<String> blockers = new LinkedHashSet<>();
    Set<String> deleted = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    deleted.add(key(start));
    queue.add(start);
    while (!queue.isEmpty()) {
      String parent = queue.remove();
      for (Child c : children.getOrDefault(key(parent), List.of())) {
        ForeignKeyModel fk = c.key();
        String where = c.table() + "." + String.join(", ", fk.childColumns())
            + " (" + fk.name();
        switch (fk.onDelete()) {
          case CASCADE -> {
            if (key(c.table()).equals(key(start))) {
              cascades.putIfAbsent(c.table(), c.table());
            } else if (deleted.add(key(c.table()))) {
              cascades.put(c.table(), parent);
              queue.add(c.table());
            }
          }
          case SET_NULL -> nulled.add(where + ")");
          case SET_DEFAULT -> defaulted.add(where + ")");
          case RESTRICT, NO_ACTION -> blockers.add(where + ", " + fk.onDelete().sql() + ")");
          default -> throw new IllegalStateException(fk.onDelete().toString());
        }
      }
    }
    return new DeleteReach(start, cascades, nulled, defaulted, blockers);
  }

  private static String key(String table) {
    return table.toLowerCase(Locale.ROOT);
  }

  private record Child(String table, ForeignKeyModel key) {}
}
