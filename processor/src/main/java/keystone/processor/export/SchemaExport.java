package keystone.processor.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keystone.processor.model.DatabaseModel;
import keystone.processor.sql.PostgresDdl;

/**
 * The four files written for {@code @Database(exportSchema = true)}, under
 * {@code keystone/schemas/<qualified database name>/}: {@code <version>.json} (the schema as
 * data), {@code <version>.sql} (the DDL as the engine runs it on SQLite),
 * {@code <version>.postgres.sql} (the same on PostgreSQL) and {@code <version>.md} (an
 * entity-relationship diagram and what a delete reaches). All four carry the same identity
 * hash, so a reader can tell at a glance whether two versions differ.
 */
public final class SchemaExport {
  private SchemaExport() {}

  /** The directory under the class output, and under {@code -Akeystone.schemaLocation}. */
  public static String directory(DatabaseModel db) {
    return db.type().canonicalName();
  }

  /** File name -> content, in a stable order. */
  public static Map<String, String> files(DatabaseModel db) {
    String name = db.type().canonicalName();
    String hash = IdentityHash.of(db.entities(), db.views());
    Map<String, String> files = new LinkedHashMap<>();
    files.put(db.version() + ".json",
        SchemaJson.write(name, db.version(), db.entities(), db.views(), hash));
    files.put(db.version() + ".sql", sql(db.ddl(), db, "as Keystone runs it", hash));
    files.put(db.version() + ".postgres.sql",
        sql(PostgresDdl.statements(db.entities(), db.views()), db,
            "as Keystone runs it on PostgreSQL", hash));
    files.put(db.version() + ".md",
        SchemaMarkdown.write(name, db.version(), db.entities(), db.views(), hash));
    return files;
  }

  private static String sql(List<String> ddl, DatabaseModel db, String how, String hash) {
    StringBuilder sql = new StringBuilder()
        .append("-- identityHash: ").append(hash).append('\n')
        .append("-- ").append(db.type().canonicalName()).append(", version ")
        .append(db.version()).append(", ").append(how).append('\n');
    for (String statement : ddl) {
      sql.append('\n').append(statement).append(";\n");
    }
    return sql.toString();
  }
}
