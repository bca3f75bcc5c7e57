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
      compareTable(expected, found, problems);
    }
    return problems;
  }

  private static void compareTable(TableShape expected, TableShape found, List<String> problems) {
    String table = expected.name();
    if (!expected.columns().equals(found.columns())) {
      problems.add(
          "table " + table + " has columns " + found.columns() + ", compiled " + expected.columns());
    }
    if (!new HashSet<>(expected.foreignKeys()).equals(new HashSet<>(found.foreignKeys()))) {
      problems.add(
          "table " + table + " has foreign keys " + found.foreignKeys() + ", compiled "
              + expected.foreignKeys());
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
}
