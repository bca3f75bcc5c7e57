package keystone.cli.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** PostgreSQL's printed SELECTs (pg_get_viewdef, PostgreSQL 14) read back as SQLite SQL. */
class PostgresToSqliteTest {
  private static String sqlite(String pg) {
    PostgresToSqlite.Translation t = PostgresToSqlite.select(pg);
    assertNull(t.refusal(), t.refusal());
    return t.sql();
  }

  private static String refusal(String pg) {
    PostgresToSqlite.Translation t = PostgresToSqlite.select(pg);
    assertNull(t.sql(), t.sql());
    return t.refusal();
  }

  @Test
  void literalCastsAreDroppedAndTheFinalSemicolonToo() {
    assertEquals("SELECT 'paid' AS s, 0 AS n, -1 AS m, '2024-01-01' AS d",
        sqlite(" SELECT 'paid'::text AS s, 0::numeric AS n, '-1'::integer AS m,"
            + " '2024-01-01'::date AS d;"));
    assertEquals("SELECT t.a FROM t WHERE t.c IS DISTINCT FROM 'tools' AND t.n > 100",
        sqlite("SELECT t.a FROM t WHERE t.c IS DISTINCT FROM 'tools'::character varying::text"
            + " AND t.n > (100)::numeric"));
  }

  @Test
  void expressionCastsBecomeSqliteCasts() {
    assertEquals("SELECT CAST(p.price AS REAL) / 2 AS half, CAST(sum(p.n) AS INTEGER) AS s,"
        + " CAST(\"order\".id AS TEXT) AS t, CAST(p.price AS NUMERIC) AS x FROM p",
        sqlite("SELECT p.price::double precision / 2::double precision AS half,"
            + " sum(p.n)::bigint AS s, \"order\".id::text AS t, p.price::numeric(10,2) AS x"
            + " FROM p"));
    assertEquals("SELECT CAST(CASE WHEN p.a THEN 1 ELSE 0 END AS NUMERIC) AS c FROM p",
        sqlite("SELECT CASE WHEN p.a THEN 1 ELSE 0 END::numeric AS c FROM p"));
  }

  @Test
  void anyAndAllOverAnArrayAreInAndNotIn() {
    assertEquals("SELECT o.id FROM o WHERE o.status IN ('pending', 'paid')",
        sqlite("SELECT o.id FROM o WHERE o.status = ANY (ARRAY['pending'::text, 'paid'::text])"));
    assertEquals("SELECT o.id FROM o WHERE CAST((o.s) AS TEXT) IN ('a', 'b') AND o.n NOT IN"
        + " (1, 2)", sqlite("SELECT o.id FROM o WHERE (o.s)::text = ANY ((ARRAY['a'::character"
            + " varying, 'b'::character varying])::text[]) AND o.n <> ALL (ARRAY[1, 2])"));
  }

  @Test
  void likeOperatorsAreLike() {
    assertEquals("SELECT p.n FROM p WHERE p.n LIKE 's%' AND p.n NOT LIKE 'x%' AND p.n LIKE 'A%'",
        sqlite("SELECT p.n FROM p WHERE p.n ~~ 's%'::text AND p.n !~~ 'x%'::text"
            + " AND p.n ~~* 'A%'::text"));
  }

  @Test
  void stringLiteralsAndQuotedNamesAreLeftAsTheyAre() {
    assertEquals("SELECT 'a::b ~~ c = ANY (x)' AS \"odd::name\" FROM p",
        sqlite("SELECT 'a::b ~~ c = ANY (x)'::text AS \"odd::name\" FROM p"));
  }

  @Test
  void castsWithoutSqliteCounterpartAreRefusedByType() {
    assertEquals("a cast of a literal to interval has no SQLite counterpart",
        refusal("SELECT o.id, '14 days'::interval AS grace FROM o"));
    assertEquals("a cast of an expression to date has no SQLite counterpart",
        refusal("SELECT o.created::date AS day FROM o"));
    assertEquals("a cast of a literal to timestamp with time zone has no SQLite counterpart",
        refusal("SELECT '2024-01-01 00:00:00+00'::timestamp with time zone AS t"));
    assertEquals("a cast to the array type text[] has no SQLite counterpart",
        refusal("SELECT ARRAY['a'::text]::text[] AS a"));
  }

  @Test
  void oneLineKeepsLiteralsAndDropsTheSemicolon() {
    assertEquals("SELECT 'a  b' AS x, y FROM t",
        PostgresToSqlite.oneLine(" SELECT 'a  b' AS x,\n    y\n   FROM t;"));
  }
}
