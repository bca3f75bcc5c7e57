package keystone.tests.shapes;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.util.List;
import java.util.Map;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.Query;
import keystone.Update;

/** The shapes DAO's operations in RxJava 3 types, as Room's rxjava3 artifact has them. */
@Dao
public interface RxShapesDao {
  @Insert
  Single<Long> insert(Author author);

  @Insert
  Completable insert(Post... posts);

  @Update
  Single<Integer> update(Post post);

  @Delete
  Completable delete(Author author);

  @Query("DELETE FROM posts WHERE likes < :min")
  Single<Integer> prune(long min);

  @Query("SELECT * FROM posts ORDER BY id")
  Flowable<List<Post>> posts();

  @Query("SELECT count(*) FROM posts")
  Observable<Long> postCount();

  @Query("SELECT * FROM authors WHERE id = :id")
  Single<Author> author(long id);

  @Query("SELECT * FROM authors WHERE id = :id")
  Maybe<Author> maybeAuthor(long id);

  @Query("SELECT * FROM authors a JOIN posts p ON p.author_id = a.id ORDER BY a.id, p.id")
  Flowable<Map<Author, List<Post>>> postsByAuthor();
}
