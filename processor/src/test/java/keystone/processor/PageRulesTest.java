package keystone.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.dao;
import static keystone.processor.Rules.daoDatabase;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Keyset pages: the ORDER BY is the key, the LIMIT is a parameter, the key is never null. */
class PageRulesTest {
  private static Compilation page(String key, String sql, String params) {
    JavaFileObject dao = dao(key,
        "  @Query(\"" + sql + "\")",
        "  keystone.engine.Page<Order, Key> page(" + params + ");");
    return compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, dao, daoDatabase());
  }

  private static final String KEY = "  record Key(double total, long id) {}";

  @Test
  void theKeysColumnsInOrderAndOneDirectionCompile() {
    assertThat(page(KEY, "SELECT * FROM orders WHERE (total, id) > (:total, :id)"
        + " ORDER BY total, id LIMIT :n", "double total, long id, int n"))
        .succeededWithoutWarnings();
    assertThat(page(KEY, "SELECT * FROM orders o ORDER BY o.total DESC, o.\\\"id\\\" DESC"
        + " LIMIT :n", "int n")).succeededWithoutWarnings();
  }

  @Test
  void anOrderByOtherThanTheKeyIsRefused() {
    assertThat(page(KEY, "SELECT * FROM orders ORDER BY id, total LIMIT :n", "int n"))
        .hadErrorContaining("[Keystone/PageOrderBy] a Page<Order, Key> query must ORDER BY"
            + " exactly the key's columns, in its order and all in one direction (total, id),"
            + " which is what (total, id) > (...) pages by; it orders by id, total");
  }

  @Test
  void mixedDirectionsAreRefused() {
    assertThat(page(KEY, "SELECT * FROM orders ORDER BY total DESC, id LIMIT :n", "int n"))
        .hadErrorContaining("[Keystone/PageOrderBy]");
  }

  @Test
  void anOrderByInsideASubqueryDoesNotCount() {
    assertThat(page(KEY, "SELECT * FROM orders WHERE id IN (SELECT id FROM orders ORDER BY"
        + " total, id) LIMIT :n", "int n")).hadErrorContaining("it orders by nothing");
  }

  @Test
  void theLimitIsAParameterAndThereIsNoOffset() {
    assertThat(page(KEY, "SELECT * FROM orders ORDER BY total, id LIMIT 10", ""))
        .hadErrorContaining("[Keystone/PageLimit]");
    assertThat(page(KEY, "SELECT * FROM orders ORDER BY total, id LIMIT :n OFFSET :o",
        "int n, int o")).hadErrorContaining("[Keystone/PageLimit]");
  }

  @Test
  void aKeyThatMayBeNullIsRefused() {
    JavaFileObject dao = dao("  record Key(Double total, long id) {}",
        "  @Query(\"SELECT * FROM orders ORDER BY total, id LIMIT :n\")",
        "  keystone.engine.Page<Order, Key> page(int n);");
    assertThat(compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, dao, daoDatabase()))
        .hadErrorContaining("[Keystone/PageKeyNullable] key Key.total may be null")
        .inFile(dao).onLineContaining("@Query");
  }
}
