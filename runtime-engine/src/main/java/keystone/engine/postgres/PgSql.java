package keystone.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import keystone.engine.KeystoneException;
import keystone.engine.spi.Schema;
import keystone.engine.spi.TableInfo;

/**
 * Adapts the SQL the processor generates (SQLite's spelling) to PostgreSQL, once per distinct
 * statement: conflict clauses (REPLACE through {@link PgReplace}), the rowid, generated keys,
 * empty IN lists.
 * Anything it does not recognise passes unchanged, so portable SQL costs nothing.
 */
final class PgSql {
  private static final Pattern INSERT =
      Pattern.compile(
          "(?is)^\\s*INSERT\\s+(?:OR\\s+(IGNORE|REPLACE|ABORT)\\s+)?INTO\\s+\"?(\\w+)\"?\\s*"
              + "\\(([^)]*)\\)\\s*VALUES\\s*\\(([^)]*)\\)(.*)$");
  private static final Pattern UPDATE_OR =
      Pattern.compile("(?is)^\\s*UPDATE\\s+OR\\s+(IGNORE|REPLACE)\\s");
  /** An identity key: BIGINT, or integer where @Column(postgresType) keeps a SERIAL's type. */
  private static final Pattern IDENTITY =
      Pattern.compile("(?i)\"?(\\w+)\"?\\s+(?:BIGINT|INTEGER|SMALLINT|INT[248]?)\\s+GENERATED"
          + "\\s+BY\\s+DEFAULT\\s+AS\\s+IDENTITY");
  private static final Pattern RETURNING =
      Pattern.compile("\\sRETURNING\\s", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE =
      Pattern.compile("(?is)^\\s*CREATE\\s+TABLE\\s+\"?(\\w+)\"?");
  /** Statements that may change what {@link PgBatchTables} found (anywhere in a raw script). */
  private static final Pattern DDL = Pattern.compile("(?i)\\b(?:CREATE|ALTER|DROP)\\b");

  /**
   * A statement in PostgreSQL's spelling, and the key column an INSERT can return.
   *
   * @param identityParameter the 1-based parameter that binds an identity column's value, 0 for
   *     none; an explicit value there moves the sequence on ({@link #sequenceSql})
   * @param sequenceSql an expression naming that column's sequence as a regclass
   * @param multiRow the statement's batch form of many rows a statement, or null
   * @param changesTables the tables to ask about again once the statement ran (DDL), or null
   */
  record Adapted(String sql, String returningKey, boolean returnsRows, int identityParameter,
      String sequenceSql, PgMultiRowInsert multiRow, PgBatchTables changesTables) {
    Adapted(String sql, String returningKey, boolean returnsRows, PgBatchTables changesTables) {
      this(sql, returningKey, returnsRows, 0, null, null, changesTables);
    }
  }

  private final Schema schema;
  private final Map<String, String> identityColumns;
  private final Map<String, Adapted> cache = new ConcurrentHashMap<>();
  private volatile Map<String, PgReplace.Table> tables;
  /** Each identity table's sequence, as the server names it (see resolveSequences). */
  private volatile Map<String, String> sequences = Map.of();
  private final PgBatchTables batchTables = new PgBatchTables();

  PgSql(Schema schema) {
    this.schema = schema;
    this.identityColumns = identityColumns(schema.postgresStatements());
  }

  /**
   * Looks up, once, the sequence behind each identity column, so that an INSERT names it as a
   * constant: {@code nextval('users_id_seq')} is resolved when the statement is parsed, where
   * {@code nextval(pg_get_serial_sequence('users', 'id'))} searches the catalogs again for every
   * row (about 4 us a row, 1.4x the time of a 10k-row batch on loopback). Statements adapted
   * before are dropped.
   * https://www.postgresql.org/docs/14/functions-info.html#FUNCTIONS-INFO-CATALOG-TABLE
   */
  void resolveSequences(Connection c) throws SQLException {
    Map<String, String> found = new HashMap<>();
    try (PreparedStatement st = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
      for (Map.Entry<String, String> identity : identityColumns.entrySet()) {
        st.setString(1, identity.getKey());
        st.setString(2, identity.getValue());
        try (ResultSet rows = st.executeQuery()) {
          if (rows.next() && rows.getString(1) != null) {
            found.put(identity.getKey(), rows.getString(1));
          }
        }
      }
    }
    sequences = Map.copyOf(found);
    cache.clear();
  }

  Adapted adapt(String sql) {
    return cache.computeIfAbsent(sql, this::rewrite);
  }

  private Adapted rewrite(String sql) {
    Matcher update = UPDATE_OR.matcher(sql);
    if (update.find()) {
      // Room's @Update(onConflict) is SQLite's UPDATE OR ...; PostgreSQL's UPDATE has no conflict
      // clause (https://www.postgresql.org/docs/current/sql-update.html), and guessing would
      // change which rows survive.
      throw new KeystoneException("UPDATE OR " + update.group(1).toUpperCase(Locale.ROOT)
          + " (@Update(onConflict = " + update.group(1).toUpperCase(Locale.ROOT) + ")) has no"
          + " PostgreSQL form: PostgreSQL's UPDATE has no conflict clause; use"
          + " @Update(onConflict = ABORT) or a @Query of your own on PostgreSQL");
    }
    // SQLite accepts an empty list: IN () matches nothing, NOT IN () everything, NULLs included.
    String out =
        sql.replaceAll("(?i)\\bNOT\\s+IN\\s*\\(\\s*\\)", "<> ALL ('{}')")
            .replaceAll("(?i)\\bIN\\s*\\(\\s*\\)", "= ANY ('{}')");
    Matcher insert = INSERT.matcher(out);
    if (!insert.matches()) {
      return new Adapted(out, null, hasReturning(out),
          DDL.matcher(out).find() ? batchTables : null);
    }
    String conflict = insert.group(1);
    String table = insert.group(2);
    List<String> columns = names(insert.group(3));
    List<String> values = split(insert.group(4));
    String rest = insert.group(5);
    String identity = identityColumns.get(table.toLowerCase(Locale.ROOT));
    int identityParameter = 0;
    String sequenceSql = null;
    if (identity != null) {
      int at = columns.indexOf(identity);
      String value = at < 0 ? "" : values.get(at).strip();
      if (value.equals("?")) {
        // SQLite gives a NULL key the next rowid; PostgreSQL's identity needs the sequence asked.
        // An explicit key bound here moves the sequence on after the write (PgStatement).
        sequenceSql = sequenceSql(table, identity);
        identityParameter = 1 + parametersIn(values.subList(0, at));
        values.set(at, "COALESCE(CAST(? AS BIGINT), nextval(" + sequenceSql + "))");
      } else if (at >= 0 && !value.equalsIgnoreCase("NULL")) {
        values.set(at, explicitIdentity(value, sequenceSql(table, identity)));
      }
    }
    TableInfo info = schema.table(table);
    String key = info != null && info.primaryKey().size() == 1 ? quote(info.primaryKey().get(0)) : null;
    rest = rest.replaceAll("(?i)\\bRETURNING\\s+rowid\\b", "RETURNING " + (key == null ? "0" : key));
    if ("REPLACE".equalsIgnoreCase(conflict)) {
      String replacing = PgReplace.statement(table, columns, values, replaceShape(table, sql), rest);
      return new Adapted(replacing, hasReturning(replacing) ? null : key, hasReturning(replacing),
          identityParameter, sequenceSql, null, null);
    }
    String head = "INSERT INTO " + quote(table) + " (" + String.join(", ", quoteAll(columns))
        + ") VALUES ";
    String tuple = "(" + String.join(", ", values) + ")";
    String conflictTail = "IGNORE".equalsIgnoreCase(conflict) ? " ON CONFLICT DO NOTHING" : "";
    String adapted = head + tuple + conflictTail + rest;
    PgMultiRowInsert multiRow = rest.isBlank()
        ? new PgMultiRowInsert(head, tuple, conflictTail, table, batchTables) : null;
    return new Adapted(adapted, hasReturning(adapted) ? null : key, hasReturning(adapted),
        identityParameter, sequenceSql, multiRow, null);
  }

  /** The identity column's sequence as a regclass: its name once resolved, else a lookup. */
  private String sequenceSql(String table, String column) {
    String sequence = sequences.get(table.toLowerCase(Locale.ROOT));
    String named = sequence != null
        ? "'" + sequence.replace("'", "''") + "'"
        : "pg_get_serial_sequence('" + table + "', '" + column + "')";
    return "CAST(" + named + " AS regclass)";
  }

  /**
   * A key written into the statement itself (raw SQL), moving the sequence past it so that later
   * generated keys follow it, as SQLite's max(rowid) + 1 does, instead of colliding with it.
   */
  private static String explicitIdentity(String value, String sequenceSql) {
    return "(SELECT p.v FROM (SELECT CAST(" + value + " AS BIGINT) AS v, " + sequenceSql
        + " AS s) AS p, setval(p.s, GREATEST(p.v, COALESCE(pg_sequence_last_value(p.s), 0))))";
  }

  private static int parametersIn(List<String> values) {
    int count = 0;
    for (String value : values) {
      count += value.chars().filter(c -> c == '?').count();
    }
    return count;
  }

  private PgReplace.Table replaceShape(String table, String sql) {
    Map<String, PgReplace.Table> known = tables;
    PgReplace.Table shape = known == null ? null : known.get(table.toLowerCase(Locale.ROOT));
    if (shape == null) {
      throw new KeystoneException("INSERT OR REPLACE into " + table + ", a table this PostgreSQL"
          + " database does not have: " + sql);
    }
    return shape;
  }

  /** The tables as the catalog has them, once the schema is in place. */
  void learn(Map<String, PgReplace.Table> catalog) {
    this.tables = Map.copyOf(catalog);
  }

  /**
   * Whether the statement returns rows from a write: such a statement runs through
   * {@code PgStatement.write}, whose savepoint is what keeps a caller's transaction alive when it
   * fails. Any whitespace around the keyword counts: a text block puts it after a line break.
   */
  private static boolean hasReturning(String sql) {
    return RETURNING.matcher(sql).find();
  }

  private static Map<String, String> identityColumns(List<String> ddl) {
    Map<String, String> identities = new HashMap<>();
    for (String statement : ddl) {
      Matcher create = CREATE.matcher(statement);
      Matcher identity = IDENTITY.matcher(statement);
      if (create.find() && identity.find()) {
        identities.put(create.group(1).toLowerCase(Locale.ROOT), identity.group(1));
      }
    }
    return identities;
  }

  private static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String name : list.split(",")) {
      names.add(name.strip().replace("\"", ""));
    }
    return names;
  }

  private static List<String> quoteAll(List<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String name : names) {
      quoted.add(quote(name));
    }
    return quoted;
  }

  /** Splits a VALUES list at top-level commas. */
  private static List<String> split(String values) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < values.length(); i++) {
      char c = values.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(values.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(values.substring(start));
    return parts;
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
