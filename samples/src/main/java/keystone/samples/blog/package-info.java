/**
 * The blog schema from SQLite's foreign-key tutorial: authors write posts (deleting an author
 * deletes their posts), and tags attach to posts through {@code post_tags}, whose rows go away
 * with either side.
 */
package keystone.samples.blog;
