package keystone.tests.shapes;

import keystone.DatabaseView;
import keystone.NotNull;

/** Every author with how many posts they wrote, none included. */
@DatabaseView(viewName = "posts_per_author", value =
    "SELECT a.id AS author_id, a.name AS author, count(p.id) AS posts FROM authors a"
        + " LEFT JOIN posts p ON p.author_id = a.id GROUP BY a.id, a.name")
public record PostsPerAuthor(long authorId, @NotNull String author, long posts) {}
