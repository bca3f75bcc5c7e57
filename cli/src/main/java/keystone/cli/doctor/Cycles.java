package keystone.cli.doctor;

import static keystone.cli.doctor.GraphChecks.lower;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.cli.schema.SourceSchema;
import keystone.cli.schema.SourceSchema.Key;

/** Tarjan's strongly connected components over child -> parent edges; each of size two or more. */
final class Cycles {
  private final Map<String, List<String>> edges = new LinkedHashMap<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final List<List<String>> found = new ArrayList<>();
  private int counter;

  Cycles(SourceSchema schema) {
    for (SourceSchema.Table t : schema.tables()) {
      edges.put(lower(t.name()), new ArrayList<>());
    }
    for (Key k : schema.keys()) {
      String from = lower(k.table());
      String to = lower(k.parent());
      if (!from.equals(to) && edges.containsKey(to)) {
        edges.get(from).add(to);
      }
    }
  }

  List<List<String>> find() {
    for (String table : edges.keySet()) {
      if (!index.containsKey(table)) {
        connect(table);
      }
    }
    return found;
  }

  private void connect(String v) {
    index.put(v, counter);
    low.put(v, counter);
    counter++;
    stack.push(v);
    for (String w : edges.get(v)) {
      if (!index.containsKey(w)) {
        connect(w);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        Collections.sort(component);
        found.add(component);
      }
    }
  }
}
