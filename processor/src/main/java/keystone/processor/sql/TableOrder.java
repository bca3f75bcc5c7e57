package keystone.processor.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;

/**
 * Parents before children. CREATE TABLE does not check the parent
 * (https://www.sqlite.org/foreignkeys.html#fk_schemacommands), so cycles and self-references are
 * legal; a cycle is broken where the declaration order first meets it, which keeps output stable.
 */
public final class TableOrder {
  private TableOrder() {}

  public static List<EntityModel> parentsFirst(List<EntityModel> entities) {
    Map<String, EntityModel> byName = new HashMap<>();
    for (EntityModel e : entities) {
      byName.putIfAbsent(e.qualifiedName(), e);
    }
    List<EntityModel> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (EntityModel e : entities) {
      visit(e, byName, seen, out);
    }
    return out;
  }

  private static void visit(
      EntityModel e, Map<String, EntityModel> byName, Set<String> seen, List<EntityModel> out) {
    if (!seen.add(e.qualifiedName())) {
      return;
    }
    for (ForeignKeyModel fk : e.foreignKeys()) {
      EntityModel parent = byName.get(fk.parentEntity());
      if (parent != null) {
        visit(parent, byName, seen, out);
      }
    }
    out.add(e);
  }
}
