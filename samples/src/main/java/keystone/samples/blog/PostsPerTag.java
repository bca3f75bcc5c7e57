package keystone.samples.blog;

import keystone.DatabaseView;
import keystone.NotNull;

/**
 * How many posts carry each tag, tags without posts included. A view: created with the schema,
 * kept in step with the tables by SQLite itself, and read like a table.
 */
@DatabaseView(viewName = "posts_per_tag", value =
    "SELECT t.id AS tag_id, t.name AS tag, count(pt.post_id) AS posts FROM tags t"
        + " LEFT JOIN post_tags pt ON pt.tag_id = t.id GROUP BY t.id, t.name")
public record PostsPerTag(long tagId, @NotNull String tag, long posts) {}
