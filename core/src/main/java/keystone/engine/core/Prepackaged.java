package keystone.engine.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import keystone.engine.KeystoneException;

/**
 * A database file shipped with the app ({@code createFrom}), copied to the database's path the
 * first time it is opened, when nothing is there yet. The copy is written beside the target and
 * moved into place in one step, so a crash or a second process never sees half a file, and a
 * process that loses the race opens the winner's copy.
 */
public final class Prepackaged {
  private final Path file;
  private final String resource;
  private final ClassLoader loader;
  private final String streamSource;
  private final Callable<InputStream> stream;

  private Prepackaged(Path file, String resource, ClassLoader loader, String streamSource,
      Callable<InputStream> stream) {
    this.file = file;
    this.resource = resource;
    this.loader = loader;
    this.streamSource = streamSource;
    this.stream = stream;
  }

  /** A SQLite file on disk, read only (it is copied, never opened in place). */
  public static Prepackaged file(Path file) {
    return new Prepackaged(file, null, null, null, null);
  }

  /** A SQLite file on the class path of {@code loader}, as in a jar. */
  public static Prepackaged resource(String resource, ClassLoader loader) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    return new Prepackaged(null, name, loader, null, null);
  }

  /**
   * A SQLite file read from a stream the app opens, such as an Android asset; {@code source}
   * names it in messages.
   */
  public static Prepackaged stream(String source, Callable<InputStream> opener) {
    return new Prepackaged(null, null, null, source, opener);
  }

  /** Where it comes from, for messages. */
  public String source() {
    if (stream != null) {
      return streamSource;
    }
    return file != null ? file.toString() : "classpath:" + resource;
  }

  /** Copies it to {@code target} when nothing is there yet; true when this call copied it. */
  public boolean copyIfAbsent(Path target) {
    if (Files.exists(target)) {
      return false;
    }
    Path temporary = null;
    try (InputStream in = open()) {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      temporary = Files.createTempFile(dir, target.getFileName().toString(), ".copying");
      Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (FileAlreadyExistsException lostTheRace) {
      return false;
    } catch (IOException e) {
      throw new KeystoneException(
          "Copying the prepackaged database " + source() + " to " + target + " failed: " + e, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private InputStream open() throws IOException {
    if (file != null) {
      return Files.newInputStream(file);
    }
    if (stream != null) {
      try {
        return stream.call();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw new KeystoneException("No prepackaged database " + source() + " on the class path");
    }
    return in;
  }

  /** Removes a copy that was refused, with SQLite's side files, so the app never opens it. */
  public static void discard(Path target) {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      deleteQuietly(target.resolveSibling(target.getFileName() + suffix));
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // Nothing else to do: the next open finds the file and verifies it again.
    }
  }
}
