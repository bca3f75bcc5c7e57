package keystone.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset query: its rows, and the key to ask for the next page with, taken from
 * the last row. A page with fewer rows than the query's {@code LIMIT} is the last one and has no
 * next key. Returned by {@code @Query} methods whose SQL orders by exactly the key's columns:
 *
 * <pre>{@code
 * record PostKey(long createdAt, long id) {}
 *
 * @Query("SELECT * FROM posts ORDER BY created_at, id LIMIT :size")
 * Page<Post, PostKey> first(int size);
 *
 * @Query("SELECT * FROM posts WHERE (created_at, id) > (:createdAt, :id)"
 *     + " ORDER BY created_at, id LIMIT :size")
 * Page<Post, PostKey> after(long createdAt, long id, int size);
 *
 * for (Page<Post, PostKey> p = dao.first(100); ; ) {
 *   show(p.items());
 *   if (p.next().isEmpty()) break;
 *   p = dao.after(p.next().get().createdAt(), p.next().get().id(), 100);
 * }
 * }</pre>
 *
 * @param <T> the row type
 * @param <K> the key type: a record of the ORDER BY columns
 */
public final class Page<T, K> {
  private final List<T> items;
  private final K next;

  private Page(List<T> items, K next) {
    this.items = List.copyOf(items);
    this.next = next;
  }

  /** A page of {@code items}; {@code next} is null on the last page. */
  public static <T, K> Page<T, K> of(List<T> items, K next) {
    return new Page<>(items, next);
  }

  /** The rows, in the query's order. */
  public List<T> items() {
    return items;
  }

  /** The key of the last row when the page was full, else empty: there is no more. */
  public Optional<K> next() {
    return Optional.ofNullable(next);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Page<?, ?> p && p.items.equals(items) && Objects.equals(p.next, next);
  }

  @Override
  public int hashCode() {
    return 31 * items.hashCode() + Objects.hashCode(next);
  }

  @Override
  public String toString() {
    return "Page" + items + (next == null ? " (last)" : " next " + next);
  }
}
