package keystone.processor.reading;

import java.util.Map;
import keystone.processor.model.EntityModel;
import keystone.processor.sql.SchemaDatabase;

/**
 * What a DAO is read against: the database's entities by qualified name, and its schema in
 * SQLite (null when the schema itself is broken, in which case queries are not checked).
 */
public record DaoContext(
    String database, Map<String, EntityModel> entities, SchemaDatabase schema) {}
