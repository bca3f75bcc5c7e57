package keystone.samples.blog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import keystone.engine.Keystone;

/**
 * The blog's seed database: a few authors, posts and tags that the app ships inside its jar and
 * copies on first open ({@code createFrom}). The build writes it with {@link #main} into the
 * class output (see {@code samples/pom.xml}), so it is made the same way each time from this
 * code, never edited by hand, and always has the schema this build compiles.
 */
public final class BlogSeed {
  /** Where the seed is on the class path. */
  public static final String RESOURCE = "keystone/samples/blog/seed.db";

  private BlogSeed() {}

  /** Writes the seed to {@code args[0]}, replacing what is there. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]));
  }

  /** Writes the seed to {@code file}, replacing what is there. */
  public static void write(Path file) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BlogDatabase db = Keystone.open(BlogDatabase.class, file)) {
      BlogDao blog = db.blog();
      long ada = blog.insertAuthor(new Author(0, "Ada Lovelace"));
      long grace = blog.insertAuthor(new Author(0, "Grace Hopper"));
      long notes = blog.insertPost(new Post(0, ada, "Notes on the Analytical Engine", null));
      long bernoulli = blog.insertPost(new Post(0, ada, "Computing Bernoulli numbers", null));
      long cobol = blog.insertPost(new Post(0, grace, "Why COBOL", "Readable by managers."));
      long history = blog.insertTag(new Tag(0, "history"));
      long languages = blog.insertTag(new Tag(0, "languages"));
      long maths = blog.insertTag(new Tag(0, "mathematics"));
      blog.insertTag(new Tag(0, "drafts"));
      blog.tag(new PostTag(notes, history), new PostTag(bernoulli, history),
          new PostTag(bernoulli, maths), new PostTag(cobol, history),
          new PostTag(cobol, languages));
    }
    // Closing the last connection checkpoints the WAL into the file, so the file alone is whole.
  }

  /**
   * The blog at {@code file}, started from the seed the first time (the seed is checked then:
   * its schema, and that no key is broken).
   */
  public static BlogDatabase open(Path file) {
    return Keystone.builder(BlogDatabase.class).path(file).createFrom(RESOURCE).build();
  }
}
