package keystone.processor.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import keystone.ForeignKey.Action;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;

/**
 * Which tables a write can change, by the index of each table in {@code Schema.tables()}: its
 * own, and every table its foreign-key actions reach (https://www.sqlite.org/foreignkeys.html#fk_actions).
 * Observers of a table re-run when it changes, so this must never leave out a table an action
 * can touch; it may name one that the data at run time leaves alone.
 */
public final class TableReach {
  private final List<EntityModel> tables;

  /** {@code tables} in the order of the generated schema: parents first. */
  public TableReach(List<EntityModel> tables) {
    this.tables = List.copyOf(tables);
  }

  /** What a statement does to its target's rows, for the actions it fires. */
  public enum Effect {
    /** Adds rows only: no action fires. */
    INSERT,
    /** Rewrites rows: ON UPDATE actions fire when a referenced key changes. */
    UPDATE,
    /** Removes rows: ON DELETE actions fire. */
    DELETE,
    /** {@code INSERT OR REPLACE}: deletes the conflicting row first, then inserts. */
    REPLACE,
    /** Unknown: every action the target has. */
    ANY
  }

  /** The index of {@code table}, or -1. */
  public int indexOf(String table) {
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).table().equalsIgnoreCase(table)) {
        return i;
      }
    }
    return -1;
  }

  /** The tables' names, in schema order: what the indexes point at. */
  public List<String> names() {
    return tables.stream().map(EntityModel::table).toList();
  }

  public int size() {
    return tables.size();
  }

  /** Every table, for a statement whose targets are unknown. */
  public List<Integer> all() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      out.add(i);
    }
    return out;
  }

  /** The tables changed by {@code effect} on the rows of {@code targets}, sorted. */
  public List<Integer> changes(Set<String> targets, Effect effect) {
    Set<Integer> out = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String[]> queue = new ArrayDeque<>();
    for (String target : targets) {
      int at = indexOf(target);
      if (at < 0) {
        return all();
      }
      out.add(at);
      boolean deletes = effect != Effect.INSERT && effect != Effect.UPDATE;
      boolean updates = effect == Effect.UPDATE || effect == Effect.ANY;
      if (deletes) {
        queue.add(new String[] {target, "DELETE"});
      }
      if (updates) {
        queue.add(new String[] {target, "UPDATE"});
      }
    }
    while (!queue.isEmpty()) {
      String[] next = queue.remove();
      if (!seen.add(next[0].toLowerCase(Locale.ROOT) + "/" + next[1])) {
        continue;
      }
      boolean delete = next[1].equals("DELETE");
      for (int i = 0; i < tables.size(); i++) {
        EntityModel child = tables.get(i);
        for (ForeignKeyModel fk : child.foreignKeys()) {
          if (fk.parentTable() == null || !fk.parentTable().equalsIgnoreCase(next[0])) {
            continue;
          }
          Action action = delete ? fk.onDelete() : fk.onUpdate();
          switch (action) {
            // A cascaded delete deletes the child's rows, a cascaded update rewrites its key.
            case CASCADE -> queue.add(new String[] {child.table(), next[1]});
            // Setting a key rewrites the child's rows, which may be parents in turn.
            case SET_NULL, SET_DEFAULT -> queue.add(new String[] {child.table(), "UPDATE"});
            default -> {
              continue;
            }
          }
          out.add(i);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The tables changed by {@code effect} on the rows of one entity's table. */
  public List<Integer> changes(EntityModel target, Effect effect) {
    return changes(Set.of(target.table()), effect);
  }
}
