package keystone.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import keystone.engine.DeletePlan;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.engine.spi.TableInfo;
import keystone.samples.shopflow.Category;
import keystone.samples.shopflow.Order;
import keystone.samples.shopflow.OrderItem;
import keystone.samples.shopflow.OrderLine;
import keystone.samples.shopflow.OrderWithItems;
import keystone.samples.shopflow.Product;
import keystone.samples.shopflow.ShopDatabase;
import keystone.samples.shopflow.ShopDatabase_Impl;
import keystone.samples.shopflow.User;
import keystone.samples.shopflow.UserProfile;
import keystone.samples.shopflow.UserWithOrders;

/**
 * Walks through what engine-enforced foreign keys do on the ShopFlow schema: an object graph
 * loaded one query per relation level, RESTRICT and CASCADE each previewed before the delete
 * (and the cascade heard by an observer of the child table), SET NULL, a refused orphan, and
 * deferred imports. Run it from the repository root with
 *
 * <pre>{@code mvn -q -DskipTests -pl samples -am package exec:java}</pre>
 *
 * <p>It recreates {@code shopflow.db} in the working directory, so every run starts the same.
 */
public final class ShopFlowDemo {
  /** The file the demo writes, relative to the working directory. */
  public static final Path FILE = Path.of("shopflow.db");

  private final ShopDatabase db;
  private final PrintStream out;

  /** A demo that works on {@code db} and narrates to {@code out}. */
  public ShopFlowDemo(ShopDatabase db, PrintStream out) {
    this.db = db;
    this.out = out;
  }

  /** Recreates {@code shopflow.db} and runs every step. */
  public static void main(String[] args) throws IOException {
    // WAL mode keeps two side files; stale ones from an earlier run would be replayed.
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(FILE + suffix));
    }
    try (ShopDatabase db = Keystone.open(ShopDatabase.class, FILE)) {
      System.out.println("Keystone ShopFlow demo on " + FILE.toAbsolutePath());
      new ShopFlowDemo(db, System.out).run();
    }
  }

  /** Runs every step in order. */
  public void run() {
    seed();
    loadGraph();
    restrictKeepsUserWithOrders();
    cascadeRemovesOrderItems();
    setNullUncategorizesProducts();
    orphanInsertRefused();
    deferredImport();
    deferredImportWithOrphan();
  }

  void seed() {
    step("1. Seed two users, two categories, three products, two orders");
    long ada = db.users().insert(new User(0, "Ada", "ada@example.com"));
    long grace = db.users().insert(new User(0, "Grace", "grace@example.com"));
    db.users().insertProfile(new UserProfile(ada, "First programmer", null, "London"));
    long electronics = db.catalog().insertCategory(new Category(0, "Electronics", "electronics"));
    long accessories = db.catalog().insertCategory(new Category(0, "Accessories", "accessories"));
    List<Long> products =
        db.catalog()
            .insertProducts(
                List.of(
                    new Product(0, "Keyboard", 4999, electronics),
                    new Product(0, "USB-C cable", 999, accessories),
                    new Product(0, "Laptop sleeve", 2499, accessories)));
    List<OrderLine> adasLines =
        List.of(new OrderLine(products.get(0), 1, 4999), new OrderLine(products.get(1), 2, 999));
    db.orders().placeOrder(ada, adasLines);
    db.orders().placeOrder(grace, List.of(new OrderLine(products.get(2), 1, 2499)));
    show("users", "user_profiles", "categories", "products", "orders", "order_items");
  }

  /** Prints every user's graph, loaded in one query per relation level. */
  List<UserWithOrders> loadGraph() {
    step("2. Graph: users with profile, orders, items and products, one query per level");
    List<UserWithOrders> users = db.users().usersWithOrders();
    for (UserWithOrders u : users) {
      out.println("  " + u.user().name() + ", profile "
          + (u.profile() == null ? "none" : "'" + u.profile().bio + "'"));
      for (OrderWithItems o : u.orders()) {
        String items = o.items().stream()
            .map(i -> i.product().getName() + " x" + i.item().quantity())
            .collect(Collectors.joining(", "));
        out.println("    order " + o.order().id() + " (" + o.order().status() + ", ref "
            + o.order().reference() + ", placed " + o.order().placedAt() + "): " + items);
      }
    }
    return users;
  }

  ForeignKeyViolationException restrictKeepsUserWithOrders() {
    step("3. RESTRICT: delete Ada, who has an order");
    DeletePlan plan = db.previewDelete(User.class, 1L);
    out.println("  preview: " + (plan.allowed() ? "allowed" : "blocked by "
        + plan.blockedBy().stream().map(ForeignKeyViolation::constraint).distinct().toList()));
    User ada = db.users().findById(1).orElseThrow();
    ForeignKeyViolationException refused = null;
    try {
      db.users().delete(ada);
      out.println("  deleted?! RESTRICT should have refused");
    } catch (ForeignKeyViolationException e) {
      refused = e;
      out.println("  refused: " + e.getMessage());
    }
    show("users");
    return refused;
  }

  /**
   * Previews the delete, then deletes; an observer of {@code order_items} hears of the cascade
   * although the statement only names {@code orders}.
   */
  void cascadeRemovesOrderItems() {
    step("4. CASCADE: delete order 1; its items go with it");
    DeletePlan plan = db.previewDelete("DELETE FROM orders WHERE id = ?", 1L);
    out.println("  preview: deletes " + new TreeMap<>(plan.deleted()));
    Latest<Long> items = new Latest<>(db.orders().observeItemCount());
    Long before = items.next(null);
    db.orders().deleteById(1);
    out.println("  observer of order_items: " + before + " rows, then " + items.next(before));
    items.cancel();
    show("orders", "order_items");
  }

  void setNullUncategorizesProducts() {
    step("5. SET NULL: delete category 'Accessories'; its products stay, uncategorized");
    Category accessories =
        db.catalog().categories().stream()
            .filter(c -> c.slug.equals("accessories"))
            .findFirst()
            .orElseThrow();
    db.catalog().deleteCategory(accessories);
    show("categories", "products");
  }

  ForeignKeyViolationException orphanInsertRefused() {
    step("6. Orphan: an order for user 999, who does not exist");
    try {
      db.orders().insert(new Order(0, 999, "pending"));
      out.println("  inserted?! the foreign key should have refused it");
      return null;
    } catch (ForeignKeyViolationException e) {
      out.println("  refused: " + e.getMessage());
      for (ForeignKeyViolation v : e.violations()) {
        String values = v.key().stream().map(String::valueOf).collect(Collectors.joining(", "));
        out.println("  constraint " + v.constraint() + ", key ("
            + String.join(", ", v.childColumns()) + ")=(" + values + ")");
      }
      show("orders");
      return e;
    }
  }

  void deferredImport() {
    step("7. Deferred import: items, then their order, then its user, in one transaction");
    db.runInTransaction(
        () -> {
          // Imports arrive in any order; the keys are checked once, at commit.
          db.deferForeignKeys();
          db.orders().insertItems(new OrderItem(10, 10, 1, 3, 4999));
          db.orders().insert(new Order(10, 3, "imported"));
          db.users().insert(new User(3, "Linus", "linus@example.com"));
        });
    out.println("  committed");
    show("users", "orders", "order_items");
  }

  ForeignKeyViolationException deferredImportWithOrphan() {
    step("8. Deferred import whose order names user 77, never imported");
    try {
      db.runInTransaction(
          () -> {
            db.deferForeignKeys();
            db.orders().insertItems(new OrderItem(11, 11, 1, 1, 4999));
            db.orders().insert(new Order(11, 77, "imported"));
          });
      out.println("  committed?! the commit should have failed");
      return null;
    } catch (ForeignKeyViolationException e) {
      out.println("  rolled back at commit: " + e.getMessage());
      show("orders", "order_items");
      return e;
    }
  }

  /** The values a publisher emits, taken one at a time; for a demo, not for production. */
  private static final class Latest<T> implements Flow.Subscriber<T> {
    private final BlockingQueue<T> values = new LinkedBlockingQueue<>();
    private Flow.Subscription subscription;

    Latest(Flow.Publisher<T> publisher) {
      publisher.subscribe(this);
    }

    /** The first value emitted that differs from {@code previous}, waiting up to 5 s. */
    T next(T previous) {
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        T v;
        do {
          v = values.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (v != null && v.equals(previous));
        return v;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    synchronized void cancel() {
      subscription.cancel();
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T item) {
      values.add(item);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}
  }

  private void step(String title) {
    out.println();
    out.println(title);
  }

  private void show(String... tables) {
    for (String table : tables) {
      TableInfo info = ShopDatabase_Impl.SCHEMA.table(table);
      List<String> columns = info.columns();
      // By primary key, not SQLite's rowid, so the demo reads the same on PostgreSQL.
      List<Object[]> rows = db.query("SELECT * FROM " + table + " ORDER BY "
          + String.join(", ", info.primaryKey()));
      out.println("  " + table + " (" + String.join(", ", columns) + ")"
          + (rows.isEmpty() ? ": empty" : ":"));
      for (Object[] row : rows) {
        String values =
            Arrays.stream(row).map(ShopFlowDemo::sql).collect(Collectors.joining(", ", "(", ")"));
        out.println("    " + values);
      }
    }
  }

  private static String sql(Object value) {
    if (value == null) {
      return "NULL";
    }
    return value instanceof String s ? "'" + s + "'" : value.toString();
  }
}
