package keystone.processor.writing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import keystone.processor.export.SchemaExport;
import keystone.processor.model.DatabaseModel;

/**
 * Writes the schema export: always to the class output under {@code keystone/schemas/} (through
 * the Filer, with originating elements, so incremental builds track it), and to
 * {@code -Akeystone.schemaLocation=DIR} when given, for committing next to the sources. A file
 * in DIR whose content is already right is left alone, so its timestamp does not churn.
 */
public final class SchemaFiles {
  public static final String LOCATION_OPTION = "keystone.schemaLocation";

  private final Filer filer;
  private final String location;

  /**
   * @param location the directory of {@link #LOCATION_OPTION}, or null. A relative one resolves
   *     against the compiler's working directory, so build tools should pass an absolute one
   *     ({@code ${project.basedir}/schemas} in Maven). It is parsed when written, so that a bad
   *     path becomes an error on the database rather than a processor crash.
   */
  public SchemaFiles(Filer filer, String location) {
    this.filer = filer;
    this.location = location == null || location.isBlank() ? null : location;
  }

  /** The directory of {@link #LOCATION_OPTION}, or null; auto migrations read from it. */
  public String location() {
    return location;
  }

  /** Writes every file; returns where the first failure happened with why, or null. */
  public String write(DatabaseModel db) {
    String directory = SchemaExport.directory(db);
    Map<String, String> files = SchemaExport.files(db);
    String failure = null;
    for (Map.Entry<String, String> f : files.entrySet()) {
      String relative = "keystone/schemas/" + directory + "/" + f.getKey();
      try {
        FileObject out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", relative,
            db.origins().toArray(new Element[0]));
        try (Writer w = out.openWriter()) {
          w.write(f.getValue());
        }
      } catch (IOException | RuntimeException e) {
        failure = failure != null ? failure : "class output " + relative + ": " + e;
      }
      if (location != null) {
        String target = location + "/" + directory + "/" + f.getKey();
        try {
          writeIfChanged(Path.of(location, directory, f.getKey()), f.getValue());
        } catch (IOException | RuntimeException e) {
          failure = failure != null ? failure : target + ": " + e;
        }
      }
    }
    return failure;
  }

  private static void writeIfChanged(Path target, String content) throws IOException {
    if (Files.isRegularFile(target)
        && Files.readString(target, StandardCharsets.UTF_8).equals(content)) {
      return;
    }
    Files.createDirectories(target.getParent());
    Files.writeString(target, content, StandardCharsets.UTF_8);
  }
}
