package keystone.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.CheckViolationException;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.KeystoneException;
import keystone.engine.NotNullViolationException;
import keystone.engine.UniqueViolationException;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.spi.Schema;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Maps PostgreSQL's SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html)
 * to Keystone's exceptions. Unlike SQLite, the server names the constraint and the key in its
 * DETAIL, so nothing has to be re-run.
 */
final class PgErrors {
  private static final Pattern KEY =
      Pattern.compile("Key \\((.*)\\)=\\((.*)\\) (is not present in|is still referenced from) table \"?([^\".]+)\"?");
  private static final Pattern UNIQUE_KEY = Pattern.compile("Key \\((.*)\\)=\\((.*)\\) already exists");

  private final Schema schema;

  PgErrors(Schema schema) {
    this.schema = schema;
  }

  Schema schema() {
    return schema;
  }

  KeystoneException translate(SQLException error, String sql) {
    if (PgFaults.lost(error)) {
      return PgFaults.beforeCommit(error, sql);
    }
    SQLException e = withServerMessage(error);
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (server == null) {
      return new KeystoneException(e.getMessage() + (sql == null ? "" : " in: " + sql), e);
    }
    switch (state) {
      case "23503":
        return new ForeignKeyViolationException(List.of(violation(server)), e);
      case "23505":
        return new UniqueViolationException(
            "UNIQUE constraint failed: " + server.getTable() + " " + server.getDetail(),
            server.getTable(), uniqueColumns(server.getDetail()), e);
      case "23502":
        return new NotNullViolationException(
            "NOT NULL constraint failed: " + server.getTable() + "." + server.getColumn(),
            server.getTable(), List.of(server.getColumn()), e);
      case "23514":
        return new CheckViolationException(
            "CHECK constraint failed: " + server.getConstraint() + " (table \"" + server.getTable()
                + "\")", server.getTable(), server.getConstraint(), e);
      default:
        return new KeystoneException(
            e.getMessage() + (sql == null ? "" : " in: " + sql), e);
    }
  }

  /** A batch failure wraps the server's error as its next exception. */
  private static SQLException withServerMessage(SQLException error) {
    for (SQLException e = error; e != null; e = e.getNextException()) {
      if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
        return e;
      }
    }
    return error;
  }

  /** The violation a 23503 names: its constraint, and the key and direction from DETAIL. */
  ForeignKeyViolation violation(ServerErrorMessage server) {
    String constraint = server.getConstraint();
    ForeignKeyInfo info = null;
    for (ForeignKeyInfo key : schema.foreignKeys()) {
      if (key.name().equalsIgnoreCase(constraint)) {
        info = key;
      }
    }
    Matcher m = KEY.matcher(server.getDetail() == null ? "" : server.getDetail());
    boolean found = m.find();
    List<String> texts = found ? texts(m.group(2)) : List.of();
    List<Object> values = values(texts);
    boolean stillReferenced = found && m.group(3).startsWith("is still");
    ForeignKeyViolation.Kind kind =
        stillReferenced ? ForeignKeyViolation.Kind.STILL_REFERENCED
            : ForeignKeyViolation.Kind.MISSING_PARENT;
    if (info == null) {
      String other = found ? m.group(4) : "?";
      List<String> columns = found ? names(m.group(1)) : List.of();
      return stillReferenced
          ? new ForeignKeyViolation(constraint, other, columns, server.getTable(), columns, values, kind)
          : new ForeignKeyViolation(constraint, server.getTable(), columns, other, columns, values, kind);
    }
    return new ForeignKeyViolation(
        info.name(), info.childTable(), info.childColumns(), info.parentTable(),
        info.parentColumns(), values, kind, PgKeyText.of(info, texts));
  }

  private static List<String> uniqueColumns(String detail) {
    Matcher m = UNIQUE_KEY.matcher(detail == null ? "" : detail);
    return m.find() ? names(m.group(1)) : List.of();
  }

  private static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String name : list.split(",")) {
      names.add(name.strip().replace("\"", ""));
    }
    return names;
  }

  /** The values of a DETAIL's key, as PostgreSQL wrote them. */
  private static List<String> texts(String list) {
    List<String> texts = new ArrayList<>();
    for (String raw : list.split(", ")) {
      texts.add(raw.strip());
    }
    return texts;
  }

  /** Key values as text, typed like SQLite's: integers as Long, decimals as Double. */
  private static List<Object> values(List<String> texts) {
    List<Object> values = new ArrayList<>();
    for (String value : texts) {
      if (value.matches("-?\\d{1,18}")) {
        values.add(Long.parseLong(value));
      } else if (value.matches("-?\\d+\\.\\d+(e[-+]?\\d+)?")) {
        values.add(Double.parseDouble(value));
      } else {
        values.add(value);
      }
    }
    return values;
  }
}
