package keystone.cli.doctor;

import static keystone.cli.schema.Sql.allNotNull;
import static keystone.cli.schema.Sql.columns;
import static keystone.cli.schema.Sql.quote;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import keystone.cli.schema.SourceSchema;
import keystone.cli.schema.SourceSchema.Key;
import keystone.cli.schema.Sql;

/**
 * The checks that follow keys from table to table: RESTRICT / NO ACTION keys that refuse a delete
 * arriving by CASCADE, cycles, and what a delete reaches, measured on the data.
 * https://www.sqlite.org/foreignkeys.html#fk_actions
 */
final class GraphChecks {
  private final Connection connection;
  private final SourceSchema schema;
  private final Map<String, List<Key>> childrenOf = new HashMap<>();
  private final Map<Key, Long> fanOuts = new HashMap<>();

  GraphChecks(Connection connection, SourceSchema schema) {
    this.connection = connection;
    this.schema = schema;
    for (Key key : schema.keys()) {
      if (schema.table(key.parent()).isPresent()) {
        childrenOf.computeIfAbsent(lower(key.parent()), p -> new ArrayList<>()).add(key);
      }
    }
  }

  /** Tables a delete of {@code table} removes rows from by CASCADE, the table itself first. */
  private Set<String> cascadeClosure(String table) {
    Set<String> deleted = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(lower(table)));
    while (!queue.isEmpty()) {
      String t = queue.poll();
      if (!deleted.add(t)) {
        continue;
      }
      for (Key k : children(t)) {
        if (k.onDelete().equals("CASCADE")) {
          queue.add(lower(k.table()));
        }
      }
    }
    return deleted;
  }

  /** A RESTRICT or NO ACTION key whose parent is reached by another table's CASCADE. */
  void restrictChains(List<Problem> problems) throws SQLException {
    Map<Key, Set<String>> blocked = new LinkedHashMap<>();
    for (SourceSchema.Table start : schema.tables()) {
      Set<String> deleted = cascadeClosure(start.name());
      for (String reached : deleted) {
        if (reached.equals(lower(start.name()))) {
          continue;
        }
        for (Key k : children(reached)) {
          boolean refuses = k.onDelete().equals("RESTRICT")
              || (k.onDelete().equals("NO ACTION") && !deleted.contains(lower(k.table())));
          if (refuses) {
            blocked.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(start.name());
          }
        }
      }
    }
    for (Map.Entry<Key, Set<String>> e : blocked.entrySet()) {
      Key k = e.getKey();
      String holdingRows = " FROM " + quote(k.table()) + " c WHERE " + allNotNull("c", k.columns());
      long holding = Sql.count(connection, "SELECT count(*)" + holdingRows);
      List<String> samples = Sql.samples(connection,
          schema.table(k.table()).orElseThrow().primaryKeyAnd(k.columns()), holdingRows, 3);
      problems.add(new Problem(Severity.WARNING, "restrict-chain", k.table(), k.columns(),
          k.name(), holding, samples,
          k.label() + " is ON DELETE " + k.onDelete() + ", but deletes from "
              + String.join(", ", e.getValue()) + " CASCADE into " + k.parent() + ": while "
              + holding + " row(s) of " + k.table() + " refer to it, such a delete is refused"
              + " part-way down the chain",
          "delete or re-point the " + k.table() + " rows first, or make " + k.name()
              + " ON DELETE CASCADE or SET NULL if the chain should go through"));
    }
  }

  /** Cycles of two or more tables (a self-reference is an ordinary tree). */
  void cycles(List<Problem> problems) {
    for (List<String> cycle : new Cycles(schema).find()) {
      List<Key> keys = schema.keys().stream()
          .filter(k -> cycle.contains(lower(k.table())) && cycle.contains(lower(k.parent()))
              && !lower(k.table()).equals(lower(k.parent())))
          .toList();
      boolean insertable = keys.stream().anyMatch(k -> k.deferrable() || nullable(k));
      problems.add(new Problem(insertable ? Severity.INFO : Severity.WARNING, "cycle",
          cycle.get(0), List.of(), String.join(", ", keys.stream().map(Key::name).toList()), 0,
          List.of(),
          "the tables " + String.join(" -> ", cycle) + " refer to each other in a cycle"
              + (insertable ? "" : " through NOT NULL, non-deferrable keys: no row of them can"
              + " be inserted first"),
          insertable
              ? "insert with a NULL key first or inside a transaction with deferred keys"
              : "make one key DEFERRABLE INITIALLY DEFERRED or its columns nullable"));
    }
  }

  private boolean nullable(Key key) {
    SourceSchema.Table t = schema.table(key.table()).orElseThrow();
    return key.columns().stream()
        .anyMatch(c -> t.column(c).map(col -> !col.notNull()).orElse(false));
  }

  /** For every table that is some key's parent: what deleting one of its rows reaches. */
  List<Reach> reaches() throws SQLException {
    List<Reach> reaches = new ArrayList<>();
    for (SourceSchema.Table table : schema.tables()) {
      if (children(lower(table.name())).isEmpty()) {
        continue;
      }
      reaches.add(reach(table.name()));
    }
    return reaches;
  }

  private Reach reach(String start) throws SQLException {
    Set<String> reached = new LinkedHashSet<>();
    Set<String> deleted = new LinkedHashSet<>();
    List<String> blockers = new ArrayList<>();
    Key widest = null;
    long widestRows = 0;
    int depth = 0;
    Deque<Object[]> queue = new ArrayDeque<>();
    queue.add(new Object[] {lower(start), 0});
    while (!queue.isEmpty()) {
      Object[] at = queue.poll();
      String t = (String) at[0];
      int level = (Integer) at[1];
      if (!deleted.add(t)) {
        continue;
      }
      for (Key k : children(t)) {
        if (k.onDelete().equals("RESTRICT") || k.onDelete().equals("NO ACTION")) {
          blockers.add(k.name() + " (" + k.table() + ", " + k.onDelete() + ")");
          continue;
        }
        reached.add(k.table());
        depth = Math.max(depth, level + 1);
        long fan = fanOut(k);
        if (widest == null || fan > widestRows) {
          widest = k;
          widestRows = fan;
        }
        if (k.onDelete().equals("CASCADE")) {
          queue.add(new Object[] {lower(k.table()), level + 1});
        }
      }
    }
    return new Reach(start, List.copyOf(reached), depth,
        widest == null ? null : widest.name(), widestRows, blockers);
  }

  /** The most child rows any one parent row has through {@code key}, in the data. */
  private long fanOut(Key key) throws SQLException {
    Long known = fanOuts.get(key);
    if (known != null) {
      return known;
    }
    long fan = Sql.count(connection, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM "
        + quote(key.table()) + " c WHERE " + allNotNull("c", key.columns()) + " GROUP BY "
        + columns("c", key.columns()) + ") x");
    fanOuts.put(key, fan);
    return fan;
  }

  private List<Key> children(String table) {
    return childrenOf.getOrDefault(lower(table), List.of());
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
