package keystone.engine.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The DEFERRABLE clauses Keystone writes come out; the same words inside quotes stay. */
class PgKeyDeferralTest {
  @Test
  void bothClausesComeOutOfTheKeys() {
    assertEquals(
        "CREATE TABLE orders (id BIGINT, user_id BIGINT,"
            + " CONSTRAINT fk_a FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,"
            + " CONSTRAINT fk_b FOREIGN KEY (id) REFERENCES users (id))",
        PgKeyDeferral.immediate("CREATE TABLE orders (id BIGINT, user_id BIGINT,"
            + " CONSTRAINT fk_a FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE"
            + " DEFERRABLE INITIALLY IMMEDIATE,"
            + " CONSTRAINT fk_b FOREIGN KEY (id) REFERENCES users (id)"
            + " DEFERRABLE INITIALLY DEFERRED)"));
  }

  @Test
  void quotedTextIsLeftAsItIs() {
    String ddl = "CREATE TABLE notes (body TEXT DEFAULT ' DEFERRABLE INITIALLY IMMEDIATE' CHECK"
        + " (body <> 'it''s DEFERRABLE INITIALLY DEFERRED'), \" DEFERRABLE INITIALLY DEFERRED\""
        + " TEXT)";
    assertEquals(ddl, PgKeyDeferral.immediate(ddl));
  }
}
