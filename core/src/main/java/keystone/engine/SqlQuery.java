package keystone.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * A statement built at run time for a {@code @RawQuery} DAO method, with its {@code ?} arguments:
 *
 * <pre>{@code
 * StringBuilder sql = new StringBuilder("SELECT * FROM posts WHERE 1 = 1");
 * List<Object> args = new ArrayList<>();
 * if (author != null) { sql.append(" AND author_id = ?"); args.add(author); }
 * if (since != null) { sql.append(" AND published >= ?"); args.add(since); }
 * List<Post> posts = dao.posts(SqlQuery.of(sql.toString(), args.toArray()));
 * }</pre>
 *
 * <p>Arguments are bound as {@code db.execute} binds them: {@code Long}, {@code Integer},
 * {@code Double}, {@code Boolean}, {@code String}, {@code byte[]}, an enum (its name) or null.
 * The SQL is one statement and goes through the same guard as {@code execute}: SQL that would
 * switch enforcement off, or take over transaction control, is refused.
 */
public final class SqlQuery {
  private final String sql;
  private final Object[] args;

  private SqlQuery(String sql, Object[] args) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.args = args == null ? new Object[] {null} : args.clone();
  }

  /** {@code sql} with {@code args} for its {@code ?} placeholders, in order. */
  public static SqlQuery of(String sql, Object... args) {
    return new SqlQuery(sql, args);
  }

  public String sql() {
    return sql;
  }

  /** The arguments, in placeholder order (a copy). */
  public Object[] args() {
    return args.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqlQuery q && q.sql.equals(sql) && Arrays.equals(q.args, args);
  }

  @Override
  public int hashCode() {
    return 31 * sql.hashCode() + Arrays.hashCode(args);
  }

  @Override
  public String toString() {
    return sql + (args.length == 0 ? "" : " " + Arrays.toString(args));
  }
}
