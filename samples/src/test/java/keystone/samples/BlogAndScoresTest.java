package keystone.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.samples.blog.Author;
import keystone.samples.blog.BlogDao;
import keystone.samples.blog.BlogDatabase;
import keystone.samples.blog.Post;
import keystone.samples.blog.PostTag;
import keystone.samples.blog.PostsPerTag;
import keystone.samples.blog.Tag;
import keystone.samples.scores.Player;
import keystone.samples.scores.Score;
import keystone.samples.scores.ScoresDao;
import keystone.samples.scores.ScoresDatabase;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The blog and D1 scores samples cascade the way their documentation says. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class BlogAndScoresTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;

  @Test
  void blogCascadesFromAuthorsAndFromTags() {
    try (BlogDatabase db = engine.open(BlogDatabase.class, dir)) {
      BlogDao blog = db.blog();
      long ada = blog.insertAuthor(new Author(0, "Ada"));
      long grace = blog.insertAuthor(new Author(0, "Grace"));
      long notes = blog.insertPost(new Post(0, ada, "Notes", "On the engine"));
      long cobol = blog.insertPost(new Post(0, grace, "COBOL", null));
      long history = blog.insertTag(new Tag(0, "history"));
      long languages = blog.insertTag(new Tag(0, "languages"));
      blog.tag(
          new PostTag(notes, history), new PostTag(cobol, history), new PostTag(cobol, languages));
      assertEquals(List.of("history", "languages"), blog.tagsOf(cobol));
      assertEquals(List.of(new PostsPerTag(history, "history", 2),
          new PostsPerTag(languages, "languages", 1)), blog.postsPerTag());
      assertEquals(List.of(new Post(notes, ada, "Notes", "On the engine"),
          new Post(cobol, grace, "COBOL", null)), blog.postsByTag().get(new Tag(history,
          "history")));

      assertThrows(ForeignKeyViolationException.class, () -> blog.tag(new PostTag(notes, 99)));

      blog.deleteAuthor(ada);
      assertEquals(List.of(new Post(cobol, grace, "COBOL", null)), blog.posts());
      assertEquals(
          List.of(new PostTag(cobol, history), new PostTag(cobol, languages)), blog.links());

      blog.deleteTag(history);
      assertEquals(List.of(new PostTag(cobol, languages)), blog.links());
      // The view follows the cascades: history is gone, and so are Ada's links.
      assertEquals(List.of(new PostsPerTag(languages, "languages", 1)), blog.postsPerTag());
    }
  }

  @Test
  void deletingAPlayerDeletesTheirScores() {
    try (ScoresDatabase db = engine.open(ScoresDatabase.class, dir)) {
      ScoresDao scores = db.scores();
      long p1 = scores.insertPlayer(new Player(0, "p1@example.com", "P1", null));
      long p2 = scores.insertPlayer(new Player(0, "p2@example.com", "P2", "{}"));
      scores.insertScore(new Score(0, "chess", 1200L, p1));
      scores.insertScore(new Score(0, "go", 5L, p1));
      scores.insertScore(new Score(0, "chess", 900L, p2));
      // A NULL player_id is exempt from the key, as in SQLite.
      scores.insertScore(new Score(0, "solitaire", null, null));

      assertEquals(1, scores.deletePlayer(p1));
      assertEquals(List.of(), scores.scoresOf(p1));
      assertEquals(1, scores.scoresOf(p2).size());
      assertEquals(2, scores.scoreCount());
    }
  }
}
