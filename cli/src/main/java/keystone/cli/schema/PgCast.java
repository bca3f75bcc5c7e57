package keystone.cli.schema;

import static keystone.cli.schema.PgSqlPart.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import keystone.cli.schema.PgSqlPart.Refused;

/**
 * A PostgreSQL cast ({@code x::type}) as SQLite reads it: dropped from a literal of a text,
 * number, date, time or uuid type (SQLite's literal is the value Keystone stores there), {@code
 * CAST(x AS TEXT|INTEGER|REAL|NUMERIC)} for an expression cast to a text or number type, refused
 * with the type named otherwise (https://www.sqlite.org/lang_expr.html#castexpr).
 */
final class PgCast {
  /** Words before a parenthesis that make it a group of its own, not a function's arguments. */
  private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "WHERE", "ON", "SELECT",
      "THEN", "ELSE", "WHEN", "CASE", "IN", "IS", "BY", "AS", "FROM", "JOIN", "HAVING", "LIKE",
      "BETWEEN", "DISTINCT", "EXISTS", "ANY", "ALL", "SOME", "VALUES", "USING", "UNION",
      "EXCEPT", "INTERSECT", "LATERAL");
  /** Words that continue a PostgreSQL type name: {@code double precision}, {@code ... zone}. */
  private static final Set<String> TYPE_WORDS = Set.of(
      "PRECISION", "VARYING", "WITH", "WITHOUT", "TIME", "ZONE");

  private enum Target {
    TEXT("TEXT"), INTEGER("INTEGER"), REAL("REAL"), NUMERIC("NUMERIC"), TEXT_VALUE(null);

    final String sqlite;

    Target(String sqlite) {
      this.sqlite = sqlite;
    }
  }

  private PgCast() {}

  /**
   * The cast whose type starts at {@code from}: takes its operand off {@code out}, puts the
   * SQLite expression back, and returns the index after the type.
   */
  static int cast(List<PgSqlPart> in, int from, List<PgSqlPart> out) {
    StringBuilder type = new StringBuilder();
    int i = from;
    while (i < in.size()) {
      PgSqlPart p = in.get(i);
      boolean typeWord = type.length() == 0
          || TYPE_WORDS.contains(p.text().toUpperCase(Locale.ROOT));
      if (p.word() && typeWord) {
        type.append(type.length() == 0 ? "" : " ").append(p.text());
      } else if (p.group("(") && type.length() > 0) {
        type.append(text(List.of(new PgSqlPart("", p.text(), false, p.items()))));
      } else if (p.group("[") && p.items().isEmpty() && type.length() > 0) {
        type.append("[]");
      } else {
        break;
      }
      i++;
    }
    if (out.isEmpty() || type.length() == 0) {
      throw new Refused("a cast has no operand or no type");
    }
    String name = type.toString();
    List<PgSqlPart> operand = operand(out);
    boolean literal = operand.size() == 1 && operand.get(0).literal();
    String before = operand.get(0).before();
    String value = text(operand).strip();
    while (literal && value.startsWith("(")) {
      value = value.substring(1, value.length() - 1).strip(); // (100)::numeric
    }
    Target target = target(name, literal);
    if (literal && target == Target.TEXT_VALUE || literal && !value.startsWith("'")
        && target != Target.TEXT) {
      out.add(PgSqlPart.leaf(before, value, true)); // The literal is the value already.
    } else if (literal && value.matches("'-?[0-9]+(\\.[0-9]+)?'") && target != Target.TEXT) {
      out.add(PgSqlPart.leaf(before, value.substring(1, value.length() - 1), true));
    } else if (literal && value.startsWith("'") && target == Target.TEXT) {
      out.add(PgSqlPart.leaf(before, value, true));
    } else if (target.sqlite == null) {
      throw new Refused("a cast of an expression to " + name + " has no SQLite counterpart");
    } else {
      out.add(PgSqlPart.leaf(before, "CAST(" + value + " AS " + target.sqlite + ")", false));
    }
    return i;
  }

  /**
   * The operand of a cast at the end of {@code out}, removed from it: a literal or column, a
   * parenthesised expression, a function call, {@code ARRAY[...]}, or {@code CASE ... END}.
   */
  private static List<PgSqlPart> operand(List<PgSqlPart> out) {
    int start = out.size() - 1;
    PgSqlPart last = out.get(start);
    if (last.is("END")) {
      int depth = 0;
      for (int j = start; j >= 0; j--) {
        depth += out.get(j).is("END") ? 1 : out.get(j).is("CASE") ? -1 : 0;
        if (depth == 0) {
          start = j;
          break;
        }
      }
    } else if (last.items() != null && start > 0) {
      PgSqlPart word = out.get(start - 1);
      boolean call = word.word() && last.before().isEmpty()
          && !KEYWORDS.contains(word.text().toUpperCase(Locale.ROOT));
      if (call) {
        start--;
      }
    }
    // A qualified name is several tokens: "order".id, orders."Status".
    while (start > 0 && out.get(start).before().isEmpty() && out.get(start - 1).items() == null
        && (out.get(start - 1).text().endsWith(".") || out.get(start).text().startsWith("."))) {
      start--;
    }
    List<PgSqlPart> operand = new ArrayList<>(out.subList(start, out.size()));
    out.subList(start, out.size()).clear();
    return operand;
  }

  /** What a cast to {@code type} becomes in SQLite; refused for types SQLite has no form of. */
  private static Target target(String type, boolean literal) {
    String t = type.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", "").trim();
    if (t.endsWith("[]")) {
      throw new Refused("a cast to the array type " + type + " has no SQLite counterpart");
    }
    if (t.matches("text|character varying|varchar|character|char|bpchar|name|\"char\"")) {
      return Target.TEXT;
    }
    if (t.matches("smallint|integer|bigint|int|int2|int4|int8")) {
      return Target.INTEGER;
    }
    if (t.matches("double precision|real|float4|float8")) {
      return Target.REAL;
    }
    if (t.matches("numeric|decimal")) {
      return Target.NUMERIC;
    }
    // Keystone stores these as text in SQLite, in the form the literal already has.
    if (literal && t.matches("date|uuid|time|time without time zone|timestamp"
        + "|timestamp without time zone")) {
      return Target.TEXT_VALUE;
    }
    throw new Refused("a cast " + (literal ? "of a literal " : "of an expression ") + "to " + type
        + " has no SQLite counterpart");
  }
}
