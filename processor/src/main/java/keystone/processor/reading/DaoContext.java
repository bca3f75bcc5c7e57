package keystone.processor.reading;

import java.util.Map;
import keystone.processor.model.EntityModel;
import keystone.processor.sql.SchemaDatabase;
import keystone.processor.sql.TableReach;

/**
 * What a DAO is read against: the database's entities by qualified name, its schema in SQLite
 * (null when the schema itself is broken, in which case queries are not checked), and its tables
 * in {@code Schema.tables()} order with the foreign-key actions between them.
 */
public record DaoContext(
    String database, Map<String, EntityModel> entities, SchemaDatabase schema, TableReach tables) {}
