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
 * @param mapValue for a multimap ({@link Wrapper#MAP_LIST}, {@link Wrapper#MAP_SINGLE}) what
 *     each row's value becomes, {@code result} being its key; else null
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
    ResultModel mapValue) {

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
        List.of(), null);
  }

  public QueryModel withPostgres(List<String> postgres) {
    return new QueryModel(sql, fragments, bindings, write, columnCount, wrapper, result, tables,
        observed, postgres, mapValue);
  }

  /** A multimap: rows become keys of {@code result} and values of {@code value}. */
  public QueryModel withMapValue(Wrapper multimap, ResultModel value) {
    return new QueryModel(sql, fragments, bindings, write, columnCount, multimap, result, tables,
        observed, postgresFragments, value);
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
    MAP_SINGLE
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
