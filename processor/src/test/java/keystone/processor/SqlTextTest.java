package keystone.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import keystone.processor.sql.EnforcementGuard;
import keystone.processor.sql.SqlNames;
import keystone.processor.sql.SqlParameters;
import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void snakeCase() {
    assertThat(SqlNames.snakeCase("OrderItem")).isEqualTo("order_item");
    assertThat(SqlNames.snakeCase("userId")).isEqualTo("user_id");
    assertThat(SqlNames.snakeCase("URLPath")).isEqualTo("url_path");
    assertThat(SqlNames.snakeCase("id")).isEqualTo("id");
  }

  @Test
  void quotesOnlyWhenNeeded() {
    assertThat(SqlNames.quote("users")).isEqualTo("users");
    assertThat(SqlNames.quote("order")).isEqualTo("\"order\"");
    assertThat(SqlNames.quote("my col")).isEqualTo("\"my col\"");
  }

  @Test
  void parametersSkipLiteralsAndComments() {
    List<String> names = SqlParameters.find(
            "SELECT ':no' AS \":nope\", x FROM t -- :c\n WHERE a = :a /* :d */ AND b = :b_2")
        .stream().map(SqlParameters.Occurrence::name).toList();
    assertThat(names).containsExactly("a", "b_2").inOrder();
  }

  /** PostgreSQL's casts, dollar quotes, E-strings and subscripts hold no parameter. */
  @Test
  void postgresParametersSkipItsOwnLexis() {
    List<String> names = SqlParameters.findPostgres(
            "SELECT :a::text, $$:no$$, $t$ :no $t$, E'\\' :no', tags[:i], x::int FROM t"
                + " WHERE v = :b")
        .stream().map(SqlParameters.Occurrence::name).toList();
    assertThat(names).containsExactly("a", "i", "b").inOrder();
    assertThat(SqlParameters.find("SELECT [:no], :a::text").stream()
        .map(SqlParameters.Occurrence::name).toList()).containsExactly("a");
  }

  @Test
  void postgresEnforcementGuard() {
    assertThat(EnforcementGuard.offendingOnPostgres("SET session_replication_role = replica"))
        .hasValue("SET session_replication_role");
    assertThat(EnforcementGuard.offendingOnPostgres("set local SESSION_REPLICATION_ROLE to 1"))
        .isPresent();
    assertThat(EnforcementGuard.offendingOnPostgres("ALTER TABLE orders DISABLE TRIGGER ALL"))
        .hasValue("ALTER TABLE orders DISABLE TRIGGER");
    assertThat(EnforcementGuard.offendingOnPostgres("PRAGMA foreign_keys = OFF")).isPresent();
    assertThat(EnforcementGuard.offendingOnPostgres("SET CONSTRAINTS ALL DEFERRED")).isEmpty();
    assertThat(EnforcementGuard.offendingOnPostgres("SELECT session_replication_role")).isEmpty();
  }

  @Test
  void enforcementGuard() {
    assertThat(EnforcementGuard.offending("PRAGMA foreign_keys = OFF")).isPresent();
    assertThat(EnforcementGuard.offending("pragma FOREIGN_KEYS=0")).isPresent();
    assertThat(EnforcementGuard.offending("PRAGMA foreign_keys = 'no'")).isPresent();
    assertThat(EnforcementGuard.offending("PRAGMA main.foreign_keys(false)")).isPresent();
    assertThat(EnforcementGuard.offending("PRAGMA ignore_check_constraints = yes")).isPresent();
    assertThat(EnforcementGuard.offending("PRAGMA writable_schema")).isPresent();
    assertThat(EnforcementGuard.offending("PRAGMA legacy_alter_table=1")).isPresent();
    assertThat(EnforcementGuard.offending("PRAGMA foreign_keys = ON")).isEmpty();
    assertThat(EnforcementGuard.offending("PRAGMA defer_foreign_keys = ON")).isEmpty();
    assertThat(EnforcementGuard.offending("PRAGMA legacy_alter_table = off")).isEmpty();
  }
}
