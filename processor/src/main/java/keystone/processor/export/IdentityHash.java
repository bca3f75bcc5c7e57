package keystone.processor.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;
import keystone.processor.model.ViewModel;
import keystone.processor.sql.Ddl;

/**
 * SHA-256 of a canonical form of the schema, in hex. Canonical rather than the DDL text, so that
 * only changes SQLite can observe change the hash: tables, foreign keys and indexes are sorted by
 * name and identifiers lowercased (SQLite compares them without case), while column order,
 * types, nullability, defaults, checks, key positions and actions are kept. Entity class names
 * and the declaration order of tables do not count. Every token is length-prefixed, so no
 * default or CHECK text can be mistaken for structure.
 */
public final class IdentityHash {
  private IdentityHash() {}

  /**
   * The tables' hash, views included: each view by its lower-case name, its SELECT (whitespace
   * collapsed) and its columns. A schema without views hashes as before views existed.
   */
  public static String of(List<EntityModel> entities, List<ViewModel> views) {
    StringBuilder canonical = canonical(entities);
    List<ViewModel> sorted = new ArrayList<>(views);
    sorted.sort(Comparator.comparing(v -> lower(v.name())));
    for (ViewModel v : sorted) {
      line(canonical, "view", lower(v.name()), v.sql().strip().replaceAll("\\s+", " "),
          lowerJoin(v.columns()));
    }
    return sha256(canonical.toString());
  }

  public static String of(List<EntityModel> entities) {
    return sha256(canonical(entities).toString());
  }

  private static StringBuilder canonical(List<EntityModel> entities) {
    StringBuilder canonical = new StringBuilder();
    List<EntityModel> tables = new ArrayList<>(entities);
    tables.sort(Comparator.comparing(e -> lower(e.table())));
    for (EntityModel e : tables) {
      line(canonical, "table", lower(e.table()));
      for (ColumnModel c : e.columns()) {
        line(canonical, "column", lower(c.name()), c.stored().sqlite(),
            flag(Ddl.declaredNotNull(e, c)), String.valueOf(keyPosition(e, c)),
            flag(c.unique()), nullToEmpty(c.defaultValue()), nullToEmpty(c.check()));
      }
      line(canonical, "rowid", flag(e.autoGenerate() && e.primaryKey().size() == 1));
      for (String check : e.checks()) {
        line(canonical, "check", check.trim());
      }
      List<ForeignKeyModel> keys = new ArrayList<>(e.foreignKeys());
      keys.sort(Comparator.comparing(fk -> lower(fk.name())));
      for (ForeignKeyModel fk : keys) {
        line(canonical, "foreignKey", lower(fk.name()), lowerJoin(fk.childColumns()),
            lower(fk.parentTable()), lowerJoin(fk.parentColumns()), fk.onDelete().sql(),
            fk.onUpdate().sql(), flag(fk.deferred()));
      }
      List<IndexModel> indexes = new ArrayList<>(e.indexes());
      indexes.sort(Comparator.comparing(i -> lower(i.name())));
      for (IndexModel i : indexes) {
        line(canonical, "index", lower(i.name()), flag(i.unique()) + (i.constraint() ? "c" : ""),
            lowerJoin(i.columns()));
      }
    }
    return canonical;
  }

  /** 1-based position in the primary key, 0 when not part of it (as PRAGMA table_info). */
  static int keyPosition(EntityModel e, ColumnModel c) {
    for (int i = 0; i < e.primaryKey().size(); i++) {
      if (e.primaryKey().get(i).equalsIgnoreCase(c.name())) {
        return i + 1;
      }
    }
    return 0;
  }

  private static void line(StringBuilder out, String... tokens) {
    for (String t : tokens) {
      out.append(t.length()).append(':').append(t).append(' ');
    }
    out.append('\n');
  }

  private static String flag(boolean b) {
    return b ? "1" : "0";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s.trim();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String lowerJoin(List<String> names) {
    return lower(String.join(",", names));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
      throw new IllegalStateException(e);
    }
  }
}
