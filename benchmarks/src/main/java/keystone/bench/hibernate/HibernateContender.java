package keystone.bench.hibernate;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import keystone.bench.Contender;
import keystone.bench.Sqlite;
import keystone.bench.Store;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 6 with the community SQLite dialect, configured as its batching chapter says:
 * {@code hibernate.jdbc.batch_size}, ordered inserts and updates, and flush()/clear() every batch.
 * One session per operation, no second-level cache. The keys are IDENTITY (SQLite has no
 * sequences), and Hibernate does not batch inserts of IDENTITY entities: its docs say so. On
 * PostgreSQL the keys stay IDENTITY (the suite's DDL is Keystone's, with identity columns), the
 * dialect is PostgreSQLDialect and connections come from the suite's HikariCP pool.
 */
public final class HibernateContender implements Contender {
  static final int BATCH = 1000;
  private SessionFactory factory;
  private final String schemaAction;

  public HibernateContender() {
    this("none");
  }

  /** {@code validate} for cold start: Hibernate's own schema check. */
  public HibernateContender(String schemaAction) {
    this.schemaAction = schemaAction;
  }

  @Override
  public void open(Store store) {
    Logger.getLogger("org.hibernate").setLevel(Level.WARNING);
    Configuration config =
        new Configuration()
            .addAnnotatedClass(HUser.class)
            .addAnnotatedClass(HOrder.class)
            .addAnnotatedClass(HOrderItem.class);
    if (store.postgres()) {
      // Hibernate picks PostgreSQLDialect from the connection (and warns when it is named).
      config.getProperties().put("hibernate.connection.datasource", store.dataSource());
    } else {
      config
          .setProperty("hibernate.connection.driver_class", "org.sqlite.JDBC")
          .setProperty("hibernate.connection.url", store.url())
          .setProperty("hibernate.connection.pool_size", "1")
          .setProperty("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
    }
    factory =
        config
            .setProperty("hibernate.hbm2ddl.auto", schemaAction)
            .setProperty("hibernate.jdbc.batch_size", String.valueOf(BATCH))
            .setProperty("hibernate.order_inserts", "true")
            .setProperty("hibernate.order_updates", "true")
            .setProperty("hibernate.cache.use_second_level_cache", "false")
            .setProperty("hibernate.show_sql", "false")
            .buildSessionFactory();
  }

  @Override
  public void insertUsersBulk(int n, int seed) {
    factory.inTransaction(
        s -> {
          for (int i = 0; i < n; i++) {
            s.persist(new HUser(Sqlite.name(i), Sqlite.email(seed, i), Sqlite.age(i)));
            if (i % BATCH == BATCH - 1) {
              s.flush();
              s.clear();
            }
          }
        });
  }

  @Override
  public void insertUsersOneByOne(int n, int seed) {
    try (Session s = factory.openSession()) {
      for (int i = 0; i < n; i++) {
        var tx = s.beginTransaction();
        s.persist(new HUser(Sqlite.name(i), Sqlite.email(seed, i), Sqlite.age(i)));
        tx.commit();
        s.clear();
      }
    }
  }

  @Override
  public long loadById(long[] ids) {
    return factory.fromTransaction(
        s -> {
          s.setDefaultReadOnly(true);
          long h = 0;
          for (long id : ids) {
            HUser u = s.find(HUser.class, id);
            h = Sqlite.touch(h, u.id, u.name, u.email, u.age);
          }
          return h;
        });
  }

  @Override
  public long loadAll() {
    return factory.fromTransaction(
        s -> {
          long h = 0;
          List<HUser> all =
              s.createSelectionQuery("from HUser", HUser.class).setReadOnly(true).getResultList();
          for (HUser u : all) {
            h = Sqlite.touch(h, u.id, u.name, u.email, u.age);
          }
          return h;
        });
  }

  @Override
  public void updateAll() {
    factory.inTransaction(
        s -> {
          for (HUser u : s.createSelectionQuery("from HUser", HUser.class).getResultList()) {
            u.age++;
          }
        });
  }

  @Override
  public int deleteAll() {
    return factory.fromTransaction(s -> s.createMutationQuery("delete from HUser").executeUpdate());
  }

  @Override
  public long queryByEmail(String[] emails) {
    return factory.fromTransaction(
        s -> {
          s.setDefaultReadOnly(true);
          long h = 0;
          var query = s.createSelectionQuery("from HUser where email = :email", HUser.class);
          for (String email : emails) {
            HUser u = query.setParameter("email", email).getSingleResult();
            h = Sqlite.touch(h, u.id, u.name, u.email, u.age);
          }
          return h;
        });
  }

  @Override
  public void writeGraph(int users, int ordersPerUser, int itemsPerOrder, int seed) {
    factory.inTransaction(
        s -> {
          for (int u = 0; u < users; u++) {
            HUser user = new HUser(Sqlite.name(u), Sqlite.email(seed, u), Sqlite.age(u));
            s.persist(user);
            for (int o = 0; o < ordersPerUser; o++) {
              HOrder order = new HOrder(user, "pending", o * 100L);
              s.persist(order);
              for (int i = 0; i < itemsPerOrder; i++) {
                s.persist(new HOrderItem(order, "SKU-" + i, 1 + i, 250L * i));
              }
            }
            s.flush();
            s.clear();
          }
        });
  }

  @Override
  public long readGraph(long[] userIds) {
    return factory.fromTransaction(
        s -> {
          s.setDefaultReadOnly(true);
          long h = 0;
          var ordersOf =
              s.createSelectionQuery("from HOrder o where o.user.id = :id", HOrder.class);
          var itemsOf =
              s.createSelectionQuery("from HOrderItem i where i.order.id = :id", HOrderItem.class);
          for (long id : userIds) {
            HUser u = s.find(HUser.class, id);
            h = Sqlite.touch(h, u.id, u.name, u.email, u.age);
            for (HOrder o : ordersOf.setParameter("id", id).getResultList()) {
              h = Sqlite.touch(h, o.id, "", o.status, o.user.id + o.totalCents);
              for (HOrderItem i : itemsOf.setParameter("id", o.id).getResultList()) {
                h = Sqlite.touch(h, i.id, "", i.sku, i.order.id + i.quantity + i.priceCents);
              }
            }
          }
          return h;
        });
  }

  @Override
  public void close() {
    if (factory != null) {
      factory.close();
    }
  }
}
