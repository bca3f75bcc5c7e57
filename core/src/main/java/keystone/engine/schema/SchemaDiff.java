package keystone.engine.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import keystone.engine.schema.TableShape.IndexShape;

/**
 * What differs between the compiled schema and a file, per table, in words a person can act on.
 * Tables and indexes the file has beyond the compiled ones are the user's own and are allowed.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  public static List<String> differences(
      Map<String, TableShape> compiled, Map<String, TableShape> actual) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, TableShape> entry : compiled.entrySet()) {
      TableShape expected = entry.getValue();
      TableShape found = actual.get(entry.getKey());
      if (found == null) {
        problems.add("table " + expected.name() + " is missing");
        continue;
      }
      compareTable(expected, found, compiled, problems);
    }
    return problems;
  }

  private static void compareTable(TableShape expected, TableShape found,
      Map<String, TableShape> compiled, List<String> problems) {
    String table = expected.name();
    if (!expected.columns().equals(found.columns())) {
      problems.add(
          "table " + table + " has columns " + found.columns() + ", compiled " + expected.columns());
    }
    if (!new HashSet<>(expected.foreignKeys()).equals(new HashSet<>(found.foreignKeys()))) {
      problems.add(
          "table " + table + " has foreign keys " + found.foreignKeys() + ", compiled "
              + expected.foreignKeys() + undeclaredParents(found, compiled));
    }
    for (Map.Entry<String, IndexShape> index : expected.indexes().entrySet()) {
      IndexShape have = found.indexes().get(index.getKey());
      if (!index.getValue().equals(have)) {
        problems.add(
            "table " + table + " index " + index.getKey() + " is "
                + (have == null ? "missing" : have) + ", compiled " + index.getValue());
      }
    }
  }

  /**
   * A file's key to a table the database does not declare cannot be compiled (a key needs an
   * entity at both ends), so the fix is in the file or in the entities: say which.
   */
  private static String undeclaredParents(TableShape found, Map<String, TableShape> compiled) {
    StringBuilder out = new StringBuilder();
    for (TableShape.ForeignKeyShape key : found.foreignKeys()) {
      if (!compiled.containsKey(key.parent())) {
        out.append("; its key ").append(key.columns()).append(" refers to ").append(key.parent())
            .append(", which is no table of this database: declare ").append(key.parent())
            .append(" as an @Entity (it needs a primary key) with that key on ")
            .append(found.name()).append("'s entity, or drop the key from the file");
      }
    }
    return out.toString();
  }
}
