package keystone.samples.blog;

import java.util.List;
import keystone.Embedded;
import keystone.Relation;

/** An author with their posts, each with its tags: three queries for any number of authors. */
public record AuthorWithPosts(
    @Embedded Author author,
    @Relation(parentColumn = "id", entityColumn = "author_id") List<PostWithTags> posts) {}
