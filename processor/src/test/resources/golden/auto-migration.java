  /**
   * The {@code @AutoMigration}s of {@code test.Db}, planned by comparing the schemas exported
   * for each version; the engine runs them after the builder's own.
   */
  public static final List<Migration> MIGRATIONS = List.of(
      // 1 -> 2:
      // - drops table tags
      // - adds table labels
      // - rebuilds users (renames column mail to email, drops column legacy, adds column nickname)
      // - rebuilds orders (changes its foreign keys)
      Migration.schema(1, 2,
          SchemaStep.sql("DROP TABLE tags"),
          SchemaStep.sql("CREATE TABLE labels (\n"
              + "  id INTEGER NOT NULL PRIMARY KEY,\n"
              + "  name TEXT NOT NULL,\n"
              + "  order_id INTEGER,\n"
              + "  CONSTRAINT fk_labels_order_id FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE NO ACTION\n"
              + ")"),
          SchemaStep.sql("CREATE INDEX idx_labels_order_id ON labels (order_id)"),
          new SchemaStep.Rebuild("users",
              "CREATE TABLE users (\n"
                  + "  id INTEGER PRIMARY KEY,\n"
                  + "  email TEXT NOT NULL,\n"
                  + "  nickname TEXT\n"
                  + ")",
              Map.ofEntries(Map.entry("email", "mail")),
              List.of()),
          SchemaStep.rebuild("orders",
              "CREATE TABLE orders (\n"
                  + "  id INTEGER PRIMARY KEY,\n"
                  + "  user_id INTEGER NOT NULL,\n"
                  + "  status TEXT NOT NULL DEFAULT 'new',\n"
                  + "  CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION\n"
                  + ")",
              "CREATE INDEX idx_orders_user_id ON orders (user_id)")));
