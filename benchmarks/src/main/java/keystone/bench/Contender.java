package keystone.bench;

/**
 * One way of talking to the database, measured on the suite's operations. Each implementation is
 * written in its own library's idiom; all run on the same DDL (Keystone's compiled schema:
 * {@link Sqlite#ddl()}, {@link Postgres#ddl()}) and, on SQLite, the same pragmas.
 */
public interface Contender extends AutoCloseable {
  /** Opens the store, whose schema already exists (Keystone creates it itself). */
  void open(Store store);

  /** Inserts {@code n} users in one transaction. */
  void insertUsersBulk(int n, int seed);

  /** Inserts {@code n} users, each in its own transaction. */
  void insertUsersOneByOne(int n, int seed);

  /** Loads each user by primary key; returns a checksum of every field. */
  long loadById(long[] ids);

  /** Loads every user and touches every field. */
  long loadAll();

  /** Loads every user, changes its age and writes all back in one transaction. */
  void updateAll();

  /** Deletes every user. */
  int deleteAll();

  /** One query per email on the unique (indexed) column. */
  long queryByEmail(String[] emails);

  /** users -> orders -> order_items in one transaction; parents' generated ids feed the children. */
  void writeGraph(int users, int ordersPerUser, int itemsPerOrder, int seed);

  /** For each user: the user, its orders, each order's items. */
  long readGraph(long[] userIds);

  @Override
  void close();

  /** The operations only Keystone and hand JDBC run: the cost and the work of the engine's keys. */
  interface Keys extends Contender {
    /** Bulk-inserts {@code n} items in one transaction, into order_items or the keyless loose_items. */
    void insertItems(long[] orderIds, int n, boolean keyed);

    /** Deletes an order: its items go by ON DELETE CASCADE, or are deleted first by the caller. */
    void deleteOrder(long orderId, boolean cascade);

    /** Deletes a category; its products' category_id becomes NULL. */
    int deleteCategory(long id);

    /** Deletes a reviewed product (ON DELETE RESTRICT) and returns the error it gets. */
    Exception deleteBlockedProduct(long productId);

    /** Imports users and orders, children first, with every key deferred to the one commit. */
    void importDeferred(int users, int ordersPerUser);

    /**
     * One short transaction that reads before it writes: the user, then an order priced by what
     * was read and three items. {@code retrying}: run as a transaction to start again on a
     * serialization failure or deadlock. Returns the order's id.
     */
    long placeOrder(long userId, boolean retrying);
  }
}
