package keystone.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Level;

/**
 * Deletes a reviewed product (ON DELETE RESTRICT): the time until the error is in hand. Keystone's
 * includes the diagnosis that names the constraint and the key; hand JDBC's is the bare
 * SQLException ("FOREIGN KEY constraint failed").
 */
public class RestrictBench extends Keys {
  long productId;

  @Setup(Level.Trial)
  public void open() {
    start("restrict");
    productId =
        fx.insertReturning("INSERT INTO products (name, price_cents) VALUES ('p', 1) RETURNING id");
    fx.admin.exec("INSERT INTO reviews (product_id, body) VALUES (" + productId + ", 'good')");
  }

  @Benchmark
  public Exception restrictBlockedDelete() {
    Exception e = keys.deleteBlockedProduct(productId);
    if (e == null) {
      throw new IllegalStateException("The RESTRICT delete went through");
    }
    return e;
  }
}
