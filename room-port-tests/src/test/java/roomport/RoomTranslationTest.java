package roomport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app under {@code src/main/java} is exactly what the mechanical translation of
 * docs/from-room.md makes of the Room app under {@code src/test/resources/room-original}: the
 * rules below are that table, applied as text, with no per-file edits. So the app compiling and
 * passing its tests shows that the translation is the whole port.
 */
class RoomTranslationTest {
  private static final Path ROOM = Path.of("src/test/resources/room-original");
  private static final Path PORTED = Path.of("src/main/java");
  private static final Pattern ACTION =
      Pattern.compile("ForeignKey\\.(CASCADE|RESTRICT|SET_NULL|SET_DEFAULT|NO_ACTION)\\b");
  private static final Pattern INDEX_SHORT = Pattern.compile("@Index\\((\"[^\"]*\")\\)");
  private static final Pattern DATABASE_VERSION =
      Pattern.compile("(@Database\\([^)]*?\\n(\\s*)version = \\d+,\\n)");

  /** The translation table of docs/from-room.md, as text rules. */
  static String translate(String room) {
    String s = room
        // Not Room's but the app's: the stand-in for androidx.annotation.NonNull.
        .replace("import androidx.annotation.NonNull;", "import roomport.util.NonNull;")
        .replace("import androidx.room.RoomDatabase;", "import keystone.engine.KeystoneDatabase;")
        .replace("extends RoomDatabase", "implements KeystoneDatabase")
        .replace("import androidx.room.OnConflictStrategy;", "import keystone.OnConflict;")
        .replace("OnConflictStrategy.", "OnConflict.")
        .replace("import androidx.room.", "import keystone.")
        .replace("@ForeignKey(", "@CompositeForeignKey(")
        .replace("childColumns = ", "columns = ")
        .replace("@Index(value = ", "@Index(columns = ")
        .replace("primaryKeys = ", "primaryKey = ");
    s = ACTION.matcher(s).replaceAll("ForeignKey.Action.$1");
    s = INDEX_SHORT.matcher(s).replaceAll("@Index(columns = $1)");
    Matcher db = DATABASE_VERSION.matcher(s);
    if (db.find()) {
      s = db.replaceFirst("$1$2naming = Naming.AS_DECLARED,\n");
      s = addImport(s, "import keystone.Naming;");
    }
    if (s.contains("@CompositeForeignKey(")) {
      s = addImport(s, "import keystone.CompositeForeignKey;");
    }
    return sortImports(s);
  }

  @Test
  void theAppIsTheMechanicalTranslationOfTheRoomApp() throws IOException {
    List<Path> originals;
    try (Stream<Path> files = Files.walk(ROOM)) {
      originals = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<Path> ported;
    try (Stream<Path> files = Files.walk(PORTED)) {
      ported = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.startsWith(PORTED.resolve("roomport/util"))).sorted().toList();
    }
    assertEquals(ported.stream().map(PORTED::relativize).toList(),
        originals.stream().map(ROOM::relativize).toList());
    for (Path original : originals) {
      Path target = PORTED.resolve(ROOM.relativize(original).toString());
      assertEquals(Files.readString(target, StandardCharsets.UTF_8),
          translate(Files.readString(original, StandardCharsets.UTF_8)),
          "translation of " + original);
    }
  }

  private static String addImport(String s, String line) {
    return s.contains(line) ? s : s.replaceFirst("\nimport ", "\n" + line + "\nimport ");
  }

  /** As an IDE orders them: one block, sorted. */
  private static String sortImports(String s) {
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    int first = -1;
    int last = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("import ")) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      return s;
    }
    List<String> block = new ArrayList<>(lines.subList(first, last + 1));
    block.removeIf(l -> !l.startsWith("import "));
    block.sort(null);
    List<String> out = new ArrayList<>(lines.subList(0, first));
    out.addAll(block);
    out.addAll(lines.subList(last + 1, lines.size()));
    return String.join("\n", out);
  }
}
