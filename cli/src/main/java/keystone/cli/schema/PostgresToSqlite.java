package keystone.cli.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import keystone.cli.schema.SqlTokens.Token;

/**
 * A view's SELECT as PostgreSQL prints it ({@code pg_get_viewdef}) rewritten as SQLite SQL, for
 * the processor, which prepares every view in SQLite at compile time. PostgreSQL spells several
 * portable things its own way: {@code IN (...)} as {@code = ANY (ARRAY[...])}, {@code LIKE} as
 * {@code ~~}, and it casts literals and columns ({@code 'paid'::text}, {@code
 * price::double precision}). Those are read back: a cast of a literal to a text, number, date,
 * time or uuid type is dropped (SQLite's literal is the value Keystone stores there), a cast of
 * an expression to a text or number type becomes SQLite's {@code CAST(x AS TEXT|INTEGER|REAL|
 * NUMERIC)}. Any other cast is refused, with its type named; what SQLite still cannot parse is
 * found when the result is prepared (https://www.postgresql.org/docs/14/functions-info.html,
 * pg_get_viewdef; https://www.sqlite.org/lang_expr.html#castexpr).
 */
public final class PostgresToSqlite {
  /** The SQLite SELECT, or why there is none. */
  public record Translation(String sql, String refusal) {}

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

  /** A token or a parenthesised/bracketed group, with the whitespace before it (" " or ""). */
  private record Part(String before, String text, boolean literal, List<Part> items) {
    static Part leaf(String before, String text, boolean literal) {
      return new Part(before, text, literal, null);
    }

    boolean is(String word) {
      return items == null && text.equalsIgnoreCase(word);
    }

    boolean group(String open) {
      return items != null && text.startsWith(open);
    }
  }

  /** Thrown inside the rewrite when a shape has no SQLite counterpart. */
  private static final class Refused extends RuntimeException {
    Refused(String why) {
      super(why, null, false, false);
    }
  }

  private final String sql;
  private final List<Token> tokens;
  private int next;

  private PostgresToSqlite(String sql) {
    this.sql = sql;
    this.tokens = SqlTokens.of(sql, 0, sql.length(), true);
  }

  /** {@code select} as SQLite should read it, or the reason it cannot be. */
  public static Translation select(String select) {
    String s = select.strip();
    if (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    try {
      PostgresToSqlite reader = new PostgresToSqlite(s);
      List<Part> parts = reader.rewrite(reader.parse(null));
      return new Translation(text(parts).strip(), null);
    } catch (Refused e) {
      return new Translation(null, e.getMessage());
    }
  }

  /**
   * {@code sql} on one line: each run of whitespace between tokens one space, string literals
   * and quoted names as they are, a final {@code ;} dropped.
   */
  public static String oneLine(String sql) {
    String s = sql.strip();
    StringBuilder out = new StringBuilder();
    int end = -1;
    for (Token t : SqlTokens.of(s, 0, s.length(), true)) {
      out.append(end >= 0 && end < t.start() ? " " : "").append(s, t.start(), t.end());
      end = t.end();
    }
    String line = out.toString();
    return line.endsWith(";") ? line.substring(0, line.length() - 1).strip() : line;
  }

  /** Tokens up to the closing {@code close} (or the end), nested groups as one part each. */
  private List<Part> parse(String close) {
    List<Part> parts = new ArrayList<>();
    while (next < tokens.size()) {
      Token t = tokens.get(next);
      String before = next > 0 && tokens.get(next - 1).end() < t.start() ? " " : "";
      String raw = sql.substring(t.start(), t.end());
      next++;
      if (!t.quoted() && (raw.equals(")") || raw.equals("]"))) {
        if (!raw.equals(close)) {
          throw new Refused("its parentheses do not balance");
        }
        return parts;
      }
      if (!t.quoted() && (raw.equals("(") || raw.equals("["))) {
        String closing = raw.equals("(") ? ")" : "]";
        List<Part> inner = parse(closing);
        parts.add(new Part(before, raw, false, inner));
      } else {
        boolean literal = !t.quoted() && (raw.startsWith("'") || raw.matches("\\.?[0-9].*"));
        parts.add(Part.leaf(before, raw, literal));
      }
    }
    if (close != null) {
      throw new Refused("its parentheses do not balance");
    }
    return parts;
  }

  /** One level of parts, rewritten: casts, {@code = ANY (ARRAY[...])}, {@code ~~}. */
  private List<Part> rewrite(List<Part> in) {
    List<Part> out = new ArrayList<>();
    int i = 0;
    while (i < in.size()) {
      Part p = in.get(i);
      if (p.is(":") && i + 1 < in.size() && in.get(i + 1).is(":")) {
        i = cast(in, i + 2, out);
      } else if (anyArray(in, i)) {
        boolean not = !p.is("=");
        int at = not ? i + 1 : i;
        List<Part> list = arrayItems(in.get(at + 2).items());
        String before = p.before();
        out.add(new Part(before, (not ? "NOT IN" : "IN") + " (" + text(rewrite(list)).strip()
            + ")", false, null));
        i = at + 3;
      } else if (like(in, i)) {
        boolean not = p.is("!");
        int end = i + (not ? 3 : 2);
        if (end < in.size() && in.get(end).is("*") && in.get(end).before().isEmpty()) {
          end++; // ILIKE: SQLite's LIKE already ignores the case of ASCII letters.
        }
        out.add(Part.leaf(p.before(), not ? "NOT LIKE" : "LIKE", false));
        i = end;
      } else if (p.items() != null) {
        List<Part> inner = rewrite(p.items());
        boolean literal = inner.size() == 1 && inner.get(0).literal() && p.group("(");
        out.add(new Part(p.before(), text(List.of(new Part("", p.text(), false, inner))),
            literal, List.of()));
        i++;
      } else {
        out.add(p);
        i++;
      }
    }
    return out;
  }

  /** {@code = ANY (ARRAY[...])} or {@code <> ALL (ARRAY[...])} starting at {@code i}. */
  private static boolean anyArray(List<Part> in, int i) {
    int at;
    String quantifier;
    if (in.get(i).is("=") && (i == 0 || !operatorChar(in.get(i - 1), in.get(i)))) {
      at = i;
      quantifier = "ANY";
    } else if (in.get(i).is("<") && i + 1 < in.size() && in.get(i + 1).is(">")
        && in.get(i + 1).before().isEmpty()) {
      at = i + 1;
      quantifier = "ALL";
    } else {
      return false;
    }
    return at + 2 < in.size() && in.get(at + 1).is(quantifier) && in.get(at + 2).group("(")
        && arrayItems(in.get(at + 2).items()) != null;
  }

  private static boolean operatorChar(Part previous, Part current) {
    return current.before().isEmpty() && previous.items() == null
        && "<>!".contains(previous.text());
  }

  /**
   * The elements of {@code ARRAY[...]} (perhaps in parentheses, perhaps cast to an array type
   * as {@code ::text[]}), or null when {@code items} is something else.
   */
  private static List<Part> arrayItems(List<Part> items) {
    List<Part> content = items;
    while (true) {
      int cast = content.size();
      for (int j = 0; j + 1 < content.size(); j++) {
        if (content.get(j).is(":") && content.get(j + 1).is(":")) {
          cast = j;
          break;
        }
      }
      if (cast < content.size() && !arrayCast(content.subList(cast + 2, content.size()))) {
        return null;
      }
      content = content.subList(0, cast);
      if (content.size() == 1 && content.get(0).group("(")) {
        content = content.get(0).items();
      } else {
        break;
      }
    }
    boolean array = content.size() == 2 && content.get(0).is("ARRAY")
        && content.get(1).group("[");
    return array ? content.get(1).items() : null;
  }

  /** A cast's type that is an array type: {@code text[]}, {@code character varying[]}. */
  private static boolean arrayCast(List<Part> type) {
    if (type.isEmpty() || !type.get(type.size() - 1).group("[")
        || !type.get(type.size() - 1).items().isEmpty()) {
      return false;
    }
    return type.subList(0, type.size() - 1).stream().allMatch(p -> p.items() == null
        && Character.isLetter(p.text().charAt(0)) || p.group("("));
  }

  /** {@code ~~} (LIKE), {@code !~~} (NOT LIKE), each perhaps followed by {@code *} (ILIKE). */
  private static boolean like(List<Part> in, int i) {
    int at = in.get(i).is("!") ? i + 1 : i;
    return at + 1 < in.size() && in.get(at).is("~") && in.get(at + 1).is("~")
        && in.get(at + 1).before().isEmpty() && (at == i || in.get(at).before().isEmpty());
  }

  /**
   * The cast whose type starts at {@code from}: takes its operand off {@code out}, puts the
   * SQLite expression back, and returns the index after the type.
   */
  private int cast(List<Part> in, int from, List<Part> out) {
    StringBuilder type = new StringBuilder();
    int i = from;
    while (i < in.size()) {
      Part p = in.get(i);
      boolean word = p.items() == null && (Character.isLetter(p.text().charAt(0))
          || p.text().startsWith("\""));
      if (word && (type.length() == 0 || TYPE_WORDS.contains(p.text().toUpperCase(Locale.ROOT)))) {
        type.append(type.length() == 0 ? "" : " ").append(p.text());
      } else if (p.group("(") && type.length() > 0) {
        type.append(text(List.of(new Part("", p.text(), false, p.items()))));
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
    List<Part> operand = operand(out);
    boolean literal = operand.size() == 1 && operand.get(0).literal();
    String before = operand.get(0).before();
    String value = text(operand).strip();
    while (literal && value.startsWith("(")) {
      value = value.substring(1, value.length() - 1).strip(); // (100)::numeric
    }
    Target target = target(name, literal);
    if (literal && target == Target.TEXT_VALUE || literal && !value.startsWith("'")
        && target != Target.TEXT) {
      out.add(Part.leaf(before, value, true)); // The literal is the value already.
    } else if (literal && value.matches("'-?[0-9]+(\\.[0-9]+)?'") && target != Target.TEXT) {
      out.add(Part.leaf(before, value.substring(1, value.length() - 1), true));
    } else if (literal && value.startsWith("'") && target == Target.TEXT) {
      out.add(Part.leaf(before, value, true));
    } else if (target.sqlite == null) {
      throw new Refused("a cast of an expression to " + name + " has no SQLite counterpart");
    } else {
      out.add(Part.leaf(before, "CAST(" + value + " AS " + target.sqlite + ")", false));
    }
    return i;
  }

  /**
   * The operand of a cast at the end of {@code out}, removed from it: a literal or column, a
   * parenthesised expression, a function call, {@code ARRAY[...]}, or {@code CASE ... END}.
   */
  private static List<Part> operand(List<Part> out) {
    int start = out.size() - 1;
    Part last = out.get(start);
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
      Part word = out.get(start - 1);
      boolean call = word.items() == null && last.before().isEmpty()
          && (Character.isLetter(word.text().charAt(0)) || word.text().startsWith("\""))
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
    List<Part> operand = new ArrayList<>(out.subList(start, out.size()));
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

  private static String text(List<Part> parts) {
    StringBuilder s = new StringBuilder();
    for (Part p : parts) {
      s.append(p.before());
      if (p.items() == null || p.items().isEmpty() && !p.text().matches("[(\\[]")) {
        s.append(p.text());
      } else {
        String close = p.text().equals("(") ? ")" : "]";
        s.append(p.text()).append(text(p.items()).strip()).append(close);
      }
    }
    return s.toString();
  }
}
