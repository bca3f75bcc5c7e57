package keystone.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/** Deletes a category with 1000 products: ON DELETE SET NULL rewrites each of them. */
public class SetNullBench extends Keys {
  long categoryId;

  @Setup(Level.Trial)
  public void open() {
    start("setnull");
  }

  @Setup(Level.Invocation)
  public void fill() {
    categoryId = fx.insertReturning("INSERT INTO categories (name) VALUES ('c') RETURNING id");
    fx.admin.exec(
        "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 1000)"
            + " INSERT INTO products (category_id, name, price_cents) SELECT " + categoryId
            + ", 'p' || v, v FROM n");
  }

  @Benchmark
  public int setNullFanOut() {
    return keys.deleteCategory(categoryId);
  }
}
