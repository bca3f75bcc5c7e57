package keystone.processor.model;

import com.palantir.javapoet.MethodSpec;
import java.util.List;
import keystone.OnConflict;

/**
 * One generated DAO method. {@code signature} is the overriding declaration without a body
 * (JavaPoet values are immutable, so the writer only adds code).
 */
public sealed interface DaoMethodModel {
  MethodSpec signature();

  /** How an entity parameter is passed. */
  enum Arity {
    SINGLE,
    ARRAY,
    /** A {@code Collection}: its size is known before the loop. */
    COLLECTION,
    ITERABLE
  }

  /** What a write method returns. */
  enum Returns {
    VOID,
    INT,
    LONG,
    LONG_ARRAY,
    LONG_LIST
  }

  /**
   * {@code @Insert} and {@code @Upsert}. {@code changes} (here and in {@link UpdateOrDelete}) are
   * the indexes of the tables the write may change, foreign-key actions included.
   */
  record Insert(
      MethodSpec signature,
      EntityModel entity,
      String parameter,
      Arity arity,
      Returns returns,
      OnConflict onConflict,
      boolean upsert,
      List<Integer> changes)
      implements DaoMethodModel {}

  /** {@code @Update} (with its {@code onConflict}) and {@code @Delete}. */
  record UpdateOrDelete(
      MethodSpec signature,
      EntityModel entity,
      String parameter,
      Arity arity,
      Returns returns,
      boolean delete,
      List<Integer> changes,
      OnConflict onConflict)
      implements DaoMethodModel {

    public UpdateOrDelete(
        MethodSpec signature, EntityModel entity, String parameter, Arity arity, Returns returns,
        boolean delete, List<Integer> changes) {
      this(signature, entity, parameter, arity, returns, delete, changes, OnConflict.ABORT);
    }
  }

  /** {@code @Query}. */
  record Query(MethodSpec signature, QueryModel query) implements DaoMethodModel {}

  /**
   * {@code @RawQuery}: {@code query} holds the wrapper, the result read from columns
   * {@code 0..n-1} of {@code columns} (found by name at run time) and, when observed, the tables
   * of {@code observedEntities}.
   *
   * @param parameter the {@code SqlQuery} parameter's name
   * @param columns per column the result reads: SQL name, property name
   * @param required per column: whether its property cannot be null
   */
  record RawQuery(
      MethodSpec signature, String parameter, QueryModel query, List<String[]> columns,
      List<Boolean> required)
      implements DaoMethodModel {}

  /**
   * A method returning an RxJava 3 type: {@code inner} is the same method returning the plain
   * type, generated as a private method that the RxJava value runs on subscription (or, for
   * {@code Flowable}/{@code Observable}, adapts from the engine's {@code Flow.Publisher}).
   */
  record Rx(MethodSpec signature, DaoMethodModel inner, RxKind kind) implements DaoMethodModel {}

  /** {@code @Transaction} on a default or concrete method. */
  record Transaction(MethodSpec signature, boolean returnsVoid) implements DaoMethodModel {}
}
