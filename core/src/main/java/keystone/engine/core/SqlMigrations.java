package keystone.engine.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import keystone.engine.KeystoneException;
import keystone.engine.Migration;

/**
 * Numbered SQL files on the classpath, as wrangler keeps D1 migrations:
 * {@code keystone/migrations/<database simple name>/0002_add_profiles.sql} migrates 1 to 2.
 */
public final class SqlMigrations {
  private static final Pattern FILE = Pattern.compile("(\\d+)_[^/]*\\.sql");

  private SqlMigrations() {}

  public static List<Migration> load(Class<?> database) {
    String folder = "keystone/migrations/" + database.getSimpleName() + "/";
    ClassLoader loader =
        database.getClassLoader() != null ? database.getClassLoader() : SqlMigrations.class.getClassLoader();
    TreeMap<String, URL> files = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources(folder);
      while (roots.hasMoreElements()) {
        list(roots.nextElement(), folder, loader, files);
      }
    } catch (IOException | URISyntaxException e) {
      throw new KeystoneException("Cannot list SQL migrations in " + folder + ": " + e, e);
    }
    List<Migration> migrations = new ArrayList<>();
    for (var file : files.entrySet()) {
      Matcher m = FILE.matcher(file.getKey());
      m.matches();
      int to = Integer.parseInt(m.group(1));
      if (to <= 1) {
        // Version 1 is the compiled schema itself, which Keystone creates in a new file.
        continue;
      }
      migrations.add(Migration.ofSqlFile(to - 1, to, read(file.getValue()), folder + file.getKey()));
    }
    return migrations;
  }

  private static void list(URL root, String folder, ClassLoader loader, TreeMap<String, URL> files)
      throws IOException, URISyntaxException {
    if (root.getProtocol().equals("file")) {
      try (Stream<Path> paths = Files.list(Paths.get(root.toURI()))) {
        for (Path path : (Iterable<Path>) paths::iterator) {
          String name = path.getFileName().toString();
          if (FILE.matcher(name).matches()) {
            files.putIfAbsent(name, path.toUri().toURL());
          }
        }
      }
    } else if (root.getProtocol().equals("jar")) {
      JarURLConnection connection = (JarURLConnection) root.openConnection();
      try (JarFile jar = connection.getJarFile()) {
        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
          String name = entry.getName();
          if (name.startsWith(folder) && FILE.matcher(name.substring(folder.length())).matches()) {
            files.putIfAbsent(name.substring(folder.length()), loader.getResource(name));
          }
        }
      }
    }
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(readAll(in), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KeystoneException("Cannot read SQL migration " + url + ": " + e, e);
    }
  }

  /** Not {@code InputStream.readAllBytes}, which Android 9 (API 28) lacks. */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
