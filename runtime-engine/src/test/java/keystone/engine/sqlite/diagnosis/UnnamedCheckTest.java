package keystone.engine.sqlite.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a table's unnamed CHECK expressions from its DDL, as old SQLite reports the table. */
class UnnamedCheckTest {
  @Test
  void columnAndTableChecksInOrderWithNestedParenthesesAndQuotes() {
    String ddl = "CREATE TABLE \"gadgets\" (id INTEGER PRIMARY KEY, name TEXT NOT NULL"
        + " CHECK (length(name) > 0 AND name <> ')'), quantity INTEGER CHECK(quantity > 0),"
        + " \"check\" TEXT, CHECK (price_cents >= 0 OR (quantity = 1 AND \"check\" = 'x(')))";
    assertEquals(List.of("length(name) > 0 AND name <> ')'", "quantity > 0",
        "price_cents >= 0 OR (quantity = 1 AND \"check\" = 'x(')"),
        UnnamedCheck.expressions(ddl));
  }

  @Test
  void namedChecksAndCommentsAreLeftOut() {
    String ddl = "CREATE TABLE t (a INTEGER CONSTRAINT positive CHECK (a > 0), -- CHECK (a)\n"
        + " /* CHECK (b) */ b INTEGER CONSTRAINT \"b small\" CHECK (b < 10), c INTEGER CHECK (c <> 0))";
    assertEquals(List.of("c <> 0"), UnnamedCheck.expressions(ddl));
  }
}
