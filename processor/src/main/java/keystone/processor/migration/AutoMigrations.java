package keystone.processor.migration;

import com.palantir.javapoet.FieldSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ViewModel;
import keystone.processor.reading.Env;

/**
 * {@code @Database(autoMigrations = ...)}: reads each declaration, loads the exported schemas of
 * its two versions from {@code -Akeystone.schemaLocation} (the current version comes from the
 * entities being compiled), compares them once, and renders the {@code MIGRATIONS} (SQLite) and
 * {@code POSTGRES_MIGRATIONS} constants of {@code <Database>_Impl}, which the engine adds to the
 * builder's migrations.
 */
public final class AutoMigrations {
  /** {@code -Akeystone.roomSchemaLocation=DIR}: Room's exported schemas, Room's layout. */
  public static final String ROOM_LOCATION_OPTION = "keystone.roomSchemaLocation";

  private final AutoMigrationReader reader;
  private final String location;
  private final String option;
  private final String roomLocation;

  /**
   * @param location the directory of {@code -A<option>}, or null when javac has none
   * @param option the option's name, for messages
   */
  public AutoMigrations(Env env, String location, String option) {
    this(env, location, option, null);
  }

  /**
   * @param roomLocation the directory of {@code -Akeystone.roomSchemaLocation}, where a version
   *     missing from Keystone's own exports is read from Room's {@code <db>/<version>.json}
   */
  public AutoMigrations(Env env, String location, String option, String roomLocation) {
    this.reader = new AutoMigrationReader(env);
    this.location = location == null || location.isBlank() ? null : location;
    this.option = option;
    this.roomLocation = roomLocation == null || roomLocation.isBlank() ? null : roomLocation;
  }

  /**
   * The {@code MIGRATIONS} and {@code POSTGRES_MIGRATIONS} fields, none when the database
   * declares no auto-migration or when a problem was reported. {@code entities} come parents
   * first and have passed validation.
   */
  public List<FieldSpec> plan(
      TypeElement db, int version, List<EntityModel> entities, List<ViewModel> views,
      Report report) {
    List<AutoMigrationDeclaration> declared = reader.read(db);
    if (declared.isEmpty()) {
      return List.of();
    }
    String name = db.getQualifiedName().toString();
    SchemaVersion current = SchemaVersion.of(version, entities, views);
    List<SchemaChange> planned = new ArrayList<>();
    Set<Integer> starts = new HashSet<>();
    boolean ok = true;
    for (AutoMigrationDeclaration d : declared) {
      if (d.from() < 1 || d.to() <= d.from() || d.to() > version) {
        report.add(d.at(), Message.AUTO_MIGRATION_VERSIONS, d.from(), d.to(), version);
        ok = false;
        continue;
      }
      if (!starts.add(d.from())) {
        report.add(d.at(), Message.AUTO_MIGRATION_DUPLICATE, d.from());
        ok = false;
        continue;
      }
      if (location == null && roomLocation == null) {
        report.add(d.at(), Message.AUTO_MIGRATION_NO_SCHEMA_LOCATION, d.from(), d.to(), option);
        ok = false;
        continue;
      }
      SchemaVersion before = load(d, d.from(), name, report);
      SchemaVersion after = d.to() == version ? current : load(d, d.to(), name, report);
      if (before == null || after == null) {
        ok = false;
        continue;
      }
      SchemaChange change = MigrationPlanner.plan(d, before, after, report);
      ok &= change != null;
      if (change != null) {
        planned.add(change);
        warnOfPostgresRebuilds(d, change, report);
      }
    }
    return ok ? MigrationWriter.fields(name, planned) : List.of();
  }

  private static void warnOfPostgresRebuilds(
      AutoMigrationDeclaration d, SchemaChange change, Report report) {
    for (TableChange t : change.keptTables()) {
      String why = PostgresSteps.cannotAlter(t);
      if (why != null) {
        report.add(d.at(), Message.AUTO_MIGRATION_POSTGRES_REBUILD, d.from(), d.to(),
            t.now().name(), why);
      }
    }
  }

  private SchemaVersion load(AutoMigrationDeclaration d, int version, String db, Report report) {
    Path file;
    String dir = location;
    try {
      file = location == null ? null : Path.of(location, db, version + ".json");
      if ((file == null || !Files.isRegularFile(file)) && roomLocation != null) {
        // Room's export of a version Keystone never compiled: the file an app adopts from Room.
        dir = roomLocation;
        file = Path.of(roomLocation, db, version + ".json");
      }
    } catch (InvalidPathException e) {
      report.add(d.at(), Message.AUTO_MIGRATION_SCHEMA_UNREADABLE, d.from(), d.to(),
          dir + "/" + db + "/" + version + ".json", e.getMessage());
      return null;
    }
    if (!Files.isRegularFile(file)) {
      report.add(d.at(), Message.AUTO_MIGRATION_SCHEMA_MISSING, d.from(), d.to(), version,
          file, db);
      return null;
    }
    try {
      Object json = JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8));
      SchemaVersion v =
          RoomSchemaJson.isRoom(json) ? RoomSchemaJson.read(json) : SchemaVersion.fromJson(json);
      if (v.version() != version) {
        throw new IllegalArgumentException("it describes version " + v.version());
      }
      return v;
    } catch (IOException | RuntimeException e) {
      report.add(d.at(), Message.AUTO_MIGRATION_SCHEMA_UNREADABLE, d.from(), d.to(), file,
          e.getMessage());
      return null;
    }
  }
}
