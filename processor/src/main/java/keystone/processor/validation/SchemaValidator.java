package keystone.processor.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;

/**
 * Rules over the entities of one database: table and constraint names, and every foreign key
 * (see {@link ForeignKeyValidator}). A parent must be in the same database.
 */
public final class SchemaValidator {
  private SchemaValidator() {}

  /**
   * @param isEntity whether a qualified type name is an {@code @Entity} at all, to tell "not an
   *     entity" from "not in this database"
   */
  public static Report validate(
      String database, List<EntityModel> entities, Predicate<String> isEntity) {
    return validate(database, entities, isEntity, Set.of());
  }

  /**
   * @param broken entities the database lists whose own errors left no model; a key to one is
   *     not checked, since its mistake was reported where it is
   */
  public static Report validate(
      String database, List<EntityModel> entities, Predicate<String> isEntity,
      Set<String> broken) {
    Report report = new Report();
    Map<String, EntityModel> byType = new HashMap<>();
    Map<String, EntityModel> tables = new HashMap<>();
    for (EntityModel e : entities) {
      byType.put(e.qualifiedName(), e);
      EntityModel other = tables.putIfAbsent(e.table().toLowerCase(Locale.ROOT), e);
      if (other != null && other != e) {
        report.add(
            e.source().attribute("table"), Message.DUPLICATE_TABLE, e.table(), other.simpleName(),
            e.simpleName(), database);
      }
    }
    ForeignKeyValidator keys = new ForeignKeyValidator(database, byType, isEntity, report);
    for (EntityModel e : entities) {
      for (ForeignKeyModel fk : e.foreignKeys()) {
        if (broken.contains(fk.parentEntity())) {
          continue;
        }
        keys.validate(e, fk);
      }
    }
    checkNames(database, entities, report);
    return report;
  }

  private static void checkNames(String database, List<EntityModel> entities, Report report) {
    Map<String, String> constraints = new HashMap<>();
    Map<String, String> schemaObjects = new HashMap<>();
    for (EntityModel e : entities) {
      schemaObjects.putIfAbsent(e.table().toLowerCase(Locale.ROOT), e.table());
      checkLength("table", e.table(), e.source().attribute("table"), report);
    }
    for (EntityModel e : entities) {
      for (ForeignKeyModel fk : e.foreignKeys()) {
        unique(constraints, "constraint", fk.name(), e.table(), fk.source(), database, report);
      }
      for (IndexModel index : e.indexes()) {
        unique(schemaObjects, "index", index.name(), e.table(), index.source(), database, report);
      }
    }
  }

  private static void unique(
      Map<String, String> seen, String what, String name, String table, Source at,
      String database, Report report) {
    String other = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), table);
    if (other != null) {
      report.add(at, Message.DUPLICATE_NAME, what, name, database, other);
    }
    checkLength(what, name, at, report);
  }

  /** PostgreSQL's NAMEDATALEN is 64: longer names are silently truncated there. */
  private static void checkLength(String what, String name, Source at, Report report) {
    int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > 63) {
      report.add(at, Message.NAME_TOO_LONG, what, name, bytes);
    }
  }
}
