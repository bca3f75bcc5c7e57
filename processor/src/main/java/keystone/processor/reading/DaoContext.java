package keystone.processor.reading;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keystone.processor.model.EntityModel;
import keystone.processor.sql.SchemaDatabase;
import keystone.processor.sql.TableReach;

/**
 * What a DAO is read against: the database's entities by qualified name, its schema in SQLite
 * (null when the schema itself is broken, in which case queries are not checked), and its tables
 * in {@code Schema.tables()} order with the foreign-key actions between them.
 *
 * @param broken entities the database lists whose own errors left no model: already reported,
 *     so a DAO method using one adds no second error about it
 * @param implPackage the package the DAO's generated class lives in, or null before a DAO is
 *     chosen; members the generated code uses must be reachable from there
 * @param impl the generated class's simple name, for messages
 * @param viewReads the tables each {@code @DatabaseView} reads, by the view class's qualified
 *     name: filled once the views are read, before the DAOs
 */
public record DaoContext(
    String database, Map<String, EntityModel> entities, SchemaDatabase schema, TableReach tables,
    Set<String> broken, String implPackage, String impl, Map<String, List<String>> viewReads) {

  public DaoContext(
      String database, Map<String, EntityModel> entities, SchemaDatabase schema,
      TableReach tables) {
    this(database, entities, schema, tables, Set.of(), null, null, new HashMap<>());
  }

  /** The same context for the DAO whose generated class is {@code impl} in {@code pkg}. */
  public DaoContext forImpl(String pkg, String impl) {
    return new DaoContext(database, entities, schema, tables, broken, pkg, impl, viewReads);
  }

  public DaoContext withBroken(Set<String> broken) {
    return new DaoContext(database, entities, schema, tables, Set.copyOf(broken), implPackage,
        impl, viewReads);
  }
}
