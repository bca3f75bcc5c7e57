package keystone.processor.model;

import java.util.List;

/**
 * A {@code @Query}, with its SQL cut at each {@code :name}.
 *
 * @param fragments the SQL between parameters; {@code fragments.size() == bindings.size() + 1}
 * @param bindings the parameter for each placeholder, in SQL order
 * @param write whether it runs in a write scope
 * @param columnCount result columns; 0 for DML
 * @param wrapper how rows become the value (inside the {@code Publisher} when observed)
 * @param result what each row becomes, or null for DML
 * @param tables indexes of {@code Schema.tables()}: for DML the tables it may change, its
 *     foreign-key actions included; for a query the tables it and its relations read
 * @param observed whether the method returns a {@code Flow.Publisher} of the value
 * @param postgresFragments {@code @Query(postgres)} cut the same way, with the same bindings;
 *     empty when {@code sql} runs on PostgreSQL too
 * @param secondary a second object built from each row, {@code result} being the first: a
 *     multimap's value ({@link Wrapper#MAP_LIST}, {@link Wrapper#MAP_SINGLE}; {@code result} is
 *     the key) or a page's key ({@link Wrapper#PAGE}); else null
 * @param limit for a page, the parameter bound to its {@code LIMIT}; else null
 */
public record QueryModel(
    String sql,
    List<String> fragments,
    List<Binding> bindings,
    boolean write,
    int columnCount,
    Wrapper wrapper,
    ResultModel result,
    List<Integer> tables,
    boolean observed,
    List<String> postgresFragments,
    ResultModel secondary,
    String limit) {

  public QueryModel {
    fragments = List.copyOf(fragments);
    bindings = List.copyOf(bindings);
    tables = List.copyOf(tables);
    postgresFragments = List.copyOf(postgresFragments);
  }

  /** A query whose SQL runs on both dialects. */
  public QueryModel(
      String sql, List<String> fragments, List<Binding> bindings, boolean write, int columnCount,
      Wrapper wrapper, ResultModel result, List<Integer> tables, boolean observed) {
    this(sql, fragments, bindings, write, columnCount, wrapper, result, tables, observed,
        List.of(), null, null);
  }

  public QueryModel withPostgres(List<String> postgres) {
    return new QueryModel(sql, fragments, bindings, write, columnCount, wrapper, result, tables,
        observed, postgres, secondary, limit);
  }

  /**
   * A multimap (rows become keys of {@code result} and values of {@code value}) or a page (rows
   * of {@code result}, keys of {@code value}, {@code limit} rows at most).
   */
  public QueryModel withSecondary(Wrapper wrapper, ResultModel value, String limit) {
    return new QueryModel(sql, fragments, bindings, write, columnCount, wrapper, result, tables,
        observed, postgresFragments, value, limit);
  }

  /** True when PostgreSQL runs a statement of its own. */
  public boolean hasPostgres() {
    return !postgresFragments.isEmpty();
  }

  /** True when some parameter expands at run time, so the SQL text is built per call. */
  public boolean dynamic() {
    return bindings.stream().anyMatch(b -> b.expansion() != Expansion.NONE);
  }

  /** The method's return shape. */
  public enum Wrapper {
    /** DML returning nothing. */
    VOID,
    /** DML returning rows changed as int. */
    UPDATE_COUNT_INT,
    /** DML returning rows changed as long. */
    UPDATE_COUNT_LONG,
    /** One row or null. */
    SINGLE,
    /** One row of a primitive scalar; no row throws. */
    SINGLE_PRIMITIVE,
    OPTIONAL,
    LIST,
    /** {@code Map<K, List<V>>} in row order; a key whose value columns are all NULL gets []. */
    MAP_LIST,
    /** {@code Map<K, V>} in row order; a second row for one key throws. */
    MAP_SINGLE,
    /** {@code Page<T, K>}: the rows, and the last row's key when there were LIMIT of them. */
    PAGE
  }

  /** How a parameter becomes SQL placeholders. */
  public enum Expansion {
    NONE,
    ITERABLE,
    ARRAY
  }

  /** One placeholder: the method parameter, its element value and how it expands. */
  public record Binding(String parameter, JavaValue value, Expansion expansion) {}
}
