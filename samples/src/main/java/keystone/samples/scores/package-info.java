/**
 * Cloudflare D1's foreign-key example: {@code scores.player_id} references {@code users.user_id}
 * with {@code ON DELETE CASCADE}, so deleting a user deletes their scores. Column names follow
 * the D1 documentation.
 */
package keystone.samples.scores;
