package keystone.engine.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.ForeignKey.Action;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;
import keystone.engine.spi.SqliteValues;
import keystone.engine.spi.TableInfo;

/**
 * Runs the delete inside a savepoint that is always rolled back, with every deferrable key
 * deferred, and reads what changed from counts taken before and after. RESTRICT cannot be
 * deferred on PostgreSQL: when it blocks, the statement fails, and the plan has the blocking key
 * and no counts. With {@code deferrableKeys(false)} a blocking NO ACTION key does the same.
 */
final class PgDeletePreview {
  private final PgSession session;
  private final Schema schema;
  private final PgErrors errors;

  PgDeletePreview(PgSession session, Schema schema, PgErrors errors) {
    this.session = session;
    this.schema = schema;
    this.errors = errors;
  }

  DeletePlan preview(String deleteSql, Object[] args) {
    Connection c = session.connection();
    Savepoint savepoint;
    try {
      savepoint = c.setSavepoint();
    } catch (SQLException e) {
      throw PgFaults.failed("Cannot preview", e);
    }
    try {
      if (session.deferrableKeys) {
        session.exec("SET CONSTRAINTS ALL DEFERRED");
      }
      Map<String, Long> rowsBefore = rowCounts(c);
      Map<String, Long> nullBefore = keyCounts(c, Action.SET_NULL);
      Map<String, Long> defaultBefore = keyCounts(c, Action.SET_DEFAULT);
      List<ForeignKeyViolation> orphansBefore = PgForeignKeyCheck.check(c, schema);
      try (PreparedStatement st = c.prepareStatement(deleteSql)) {
        for (int i = 0; i < args.length; i++) {
          st.setObject(i + 1, loose(args[i]));
        }
        st.executeUpdate();
      } catch (SQLException e) {
        KeystoneException failure = errors.translate(e, deleteSql);
        if (failure instanceof ForeignKeyViolationException blocked) {
          return new DeletePlan(Map.of(), Map.of(), Map.of(), blocked.violations());
        }
        throw failure;
      }
      List<ForeignKeyViolation> blocked = new ArrayList<>();
      for (ForeignKeyViolation v : PgForeignKeyCheck.check(c, schema)) {
        if (!orphansBefore.contains(v)) {
          blocked.add(v.withKind(ForeignKeyViolation.Kind.STILL_REFERENCED));
        }
      }
      return new DeletePlan(
          decreases(rowsBefore, rowCounts(c)),
          increases(nullBefore, keyCounts(c, Action.SET_NULL)),
          increases(defaultBefore, keyCounts(c, Action.SET_DEFAULT)),
          blocked);
    } finally {
      try {
        c.rollback(savepoint);
        if (session.deferrableKeys) {
          session.exec("SET CONSTRAINTS ALL IMMEDIATE");
        }
      } catch (SQLException | RuntimeException ignored) {
        // The outer call's end rolls back what is left.
      }
    }
  }

  /**
   * A key value as {@link PgStatement}'s bind methods hand it to the driver, which knows no
   * {@code Instant}, {@code Duration} or {@code BigInteger}: times truncated to the microsecond
   * (PostgreSQL would round), a duration as an INTERVAL, an enum by name.
   */
  private static Object loose(Object value) {
    if (value instanceof Instant v) {
      return OffsetDateTime.ofInstant(v.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    } else if (value instanceof OffsetDateTime v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    } else if (value instanceof LocalDateTime v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    } else if (value instanceof LocalTime v) {
      return v.truncatedTo(ChronoUnit.MICROS);
    } else if (value instanceof Duration v) {
      return PgIntervals.of(SqliteValues.micros(v));
    } else if (value instanceof BigInteger v) {
      return new BigDecimal(v);
    } else if (value instanceof Enum<?> v) {
      return v.name();
    }
    return value;
  }

  private Map<String, Long> rowCounts(Connection c) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (TableInfo table : schema.tables()) {
      counts.put(table.name(), count(c, "SELECT count(*) FROM " + PgSql.quote(table.name())));
    }
    return counts;
  }

  /**
   * Per child table, rows whose key holds what the action writes: NULL, or the column default
   * (read from the catalog, since the action writes exactly that expression).
   */
  private Map<String, Long> keyCounts(Connection c, Action action) {
    Map<String, Long> counts = new HashMap<>();
    for (ForeignKeyInfo key : schema.foreignKeys()) {
      if (key.onDelete() != action) {
        continue;
      }
      StringBuilder sql =
          new StringBuilder("SELECT count(*) FROM ").append(PgSql.quote(key.childTable()));
      for (int i = 0; i < key.childColumns().size(); i++) {
        String column = PgSql.quote(key.childColumns().get(i));
        String value = action == Action.SET_NULL ? "NULL" : defaultOf(c, key, i);
        sql.append(i == 0 ? " WHERE " : " AND ").append(column).append(" IS NOT DISTINCT FROM ")
            .append(value);
      }
      counts.merge(key.childTable(), count(c, sql.toString()), Long::sum);
    }
    return counts;
  }

  private static String defaultOf(Connection c, ForeignKeyInfo key, int column) {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT column_default FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND table_name = ? AND column_name = ?")) {
      st.setString(1, key.childTable());
      st.setString(2, key.childColumns().get(column));
      try (ResultSet rows = st.executeQuery()) {
        String value = rows.next() ? rows.getString(1) : null;
        return value == null ? "NULL" : value;
      }
    } catch (SQLException e) {
      throw PgFaults.failed("Reading a column default failed", e);
    }
  }

  private static long count(Connection c, String sql) {
    try (PreparedStatement st = c.prepareStatement(sql); ResultSet rows = st.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw PgFaults.failed("Counting for the preview failed", e);
    }
  }

  private static Map<String, Integer> decreases(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Integer> changed = new LinkedHashMap<>();
    before.forEach((table, n) -> {
      long diff = n - after.getOrDefault(table, n);
      if (diff > 0) {
        changed.put(table, (int) diff);
      }
    });
    return changed;
  }

  private static Map<String, Integer> increases(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Integer> changed = new LinkedHashMap<>();
    after.forEach((table, n) -> {
      long diff = n - before.getOrDefault(table, n);
      if (diff > 0) {
        changed.put(table, (int) diff);
      }
    });
    return changed;
  }
}
