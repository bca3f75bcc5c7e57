package keystone.cli.schema;

import static keystone.cli.schema.PgSqlPart.text;

import java.util.ArrayList;
import java.util.List;
import keystone.cli.schema.PgSqlPart.Refused;
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
 * pg_get_viewdef). Casts: {@link PgCast}.
 */
public final class PostgresToSqlite {
  /** The SQLite SELECT, or why there is none. */
  public record Translation(String sql, String refusal) {}

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
      List<PgSqlPart> parts = reader.rewrite(reader.parse(null));
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
  private List<PgSqlPart> parse(String close) {
    List<PgSqlPart> parts = new ArrayList<>();
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
        List<PgSqlPart> inner = parse(closing);
        parts.add(new PgSqlPart(before, raw, false, inner));
      } else {
        boolean literal = !t.quoted() && (raw.startsWith("'") || raw.matches("\\.?[0-9].*"));
        parts.add(PgSqlPart.leaf(before, raw, literal));
      }
    }
    if (close != null) {
      throw new Refused("its parentheses do not balance");
    }
    return parts;
  }

  /** One level of parts, rewritten: casts, {@code = ANY (ARRAY[...])}, {@code ~~}. */
  private List<PgSqlPart> rewrite(List<PgSqlPart> in) {
    List<PgSqlPart> out = new ArrayList<>();
    int i = 0;
    while (i < in.size()) {
      PgSqlPart p = in.get(i);
      if (p.is(":") && i + 1 < in.size() && in.get(i + 1).is(":")) {
        i = PgCast.cast(in, i + 2, out);
      } else if (anyArray(in, i)) {
        boolean not = !p.is("=");
        int at = not ? i + 1 : i;
        List<PgSqlPart> list = arrayItems(in.get(at + 2).items());
        String before = p.before();
        out.add(new PgSqlPart(before, (not ? "NOT IN" : "IN") + " (" + text(rewrite(list)).strip()
            + ")", false, null));
        i = at + 3;
      } else if (like(in, i)) {
        boolean not = p.is("!");
        int end = i + (not ? 3 : 2);
        if (end < in.size() && in.get(end).is("*") && in.get(end).before().isEmpty()) {
          end++; // ILIKE: SQLite's LIKE already ignores the case of ASCII letters.
        }
        out.add(PgSqlPart.leaf(p.before(), not ? "NOT LIKE" : "LIKE", false));
        i = end;
      } else if (p.items() != null) {
        List<PgSqlPart> inner = rewrite(p.items());
        boolean literal = inner.size() == 1 && inner.get(0).literal() && p.group("(");
        out.add(new PgSqlPart(p.before(), text(List.of(new PgSqlPart("", p.text(), false, inner))),
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
  private static boolean anyArray(List<PgSqlPart> in, int i) {
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

  private static boolean operatorChar(PgSqlPart previous, PgSqlPart current) {
    return current.before().isEmpty() && previous.items() == null
        && "<>!".contains(previous.text());
  }

  /**
   * The elements of {@code ARRAY[...]} (perhaps in parentheses, perhaps cast to an array type
   * as {@code ::text[]}), or null when {@code items} is something else.
   */
  private static List<PgSqlPart> arrayItems(List<PgSqlPart> items) {
    List<PgSqlPart> content = items;
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
  private static boolean arrayCast(List<PgSqlPart> type) {
    if (type.isEmpty() || !type.get(type.size() - 1).group("[")
        || !type.get(type.size() - 1).items().isEmpty()) {
      return false;
    }
    return type.subList(0, type.size() - 1).stream().allMatch(p -> p.items() == null
        && Character.isLetter(p.text().charAt(0)) || p.group("("));
  }

  /** {@code ~~} (LIKE), {@code !~~} (NOT LIKE), each perhaps followed by {@code *} (ILIKE). */
  private static boolean like(List<PgSqlPart> in, int i) {
    int at = in.get(i).is("!") ? i + 1 : i;
    return at + 1 < in.size() && in.get(at).is("~") && in.get(at + 1).is("~")
        && in.get(at + 1).before().isEmpty() && (at == i || in.get(at).before().isEmpty());
  }
}
