package keystone.processor.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;
import keystone.processor.model.ForeignKeyModel;
import keystone.processor.model.IndexModel;
import keystone.processor.model.ViewModel;
import keystone.processor.sql.Ddl;

/**
 * {@code <version>.md}: the schema for a reader. A Mermaid {@code erDiagram} (GitHub and most
 * Markdown viewers render it) with every table, column and key, and relations labelled with
 * their constraint and actions; then what deleting a row of each table reaches.
 * https://mermaid.js.org/syntax/entityRelationshipDiagram.html
 */
final class SchemaMarkdown {
  private static final Pattern MERMAID_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final String NONE = "-";

  private SchemaMarkdown() {}

  static String write(
      String database, int version, List<EntityModel> entities, List<ViewModel> views,
      String hash) {
    String simple = database.substring(database.lastIndexOf('.') + 1);
    StringBuilder md = new StringBuilder();
    md.append("# ").append(simple).append(", version ").append(version).append("\n\n");
    md.append("`").append(database).append("`, identity hash `").append(hash).append("`.\n");
    md.append("Written by the Keystone processor from the entity classes; do not edit.\n\n");
    md.append("## Tables and relations\n\n");
    md.append("Each relation runs from the parent table to the child table and is labelled with"
        + " its constraint\nand its ON DELETE / ON UPDATE actions.\n\n");
    diagram(md, entities, views);
    if (!views.isEmpty()) {
      md.append("\n## Views\n\n");
      md.append("In the diagram a view's columns have the type `VIEW`, and a dotted line labelled"
          + " `read by view`\nruns from each table it reads.\n\n");
      md.append("| View | Columns | Reads | SELECT |\n|---|---|---|---|\n");
      for (ViewModel v : views) {
        md.append("| ").append(v.name()).append(" | ").append(cell(v.columns()))
            .append(" | ").append(cell(v.reads())).append(" | `")
            .append(v.sql().replace("|", "\\|").replace("`", "'")).append("` |\n");
      }
    }
    md.append("\n## What a delete reaches\n\n");
    md.append("Deleting one row of a table. CASCADE goes on through the tables it reaches\n"
        + "(shown as `table (via parent)`); SET NULL and SET DEFAULT rewrite child rows and stop"
        + " there.\nRESTRICT fails the delete at once while a child row still refers to the row;"
        + " NO ACTION\nfails it at the end of the statement (at commit for a deferred key),"
        + " unless the same delete\nremoved those child rows too.\n\n");
    md.append("| Deleting from | Also deletes (CASCADE) | Sets NULL | Sets DEFAULT"
        + " | Can be blocked by |\n");
    md.append("|---|---|---|---|---|\n");
    for (DeleteReach r : DeleteReach.of(entities)) {
      List<String> cascades = new ArrayList<>();
      for (Map.Entry<String, String> c : r.cascades().entrySet()) {
        boolean self = c.getKey().equalsIgnoreCase(r.table());
        boolean direct = c.getValue().equalsIgnoreCase(r.table());
        cascades.add(c.getKey() + (self ? " (itself, recursively)"
            : direct ? "" : " (via " + c.getValue() + ")"));
      }
      md.append("| ").append(r.table())
          .append(" | ").append(cell(cascades))
          .append(" | ").append(cell(r.nulled()))
          .append(" | ").append(cell(r.defaulted()))
          .append(" | ").append(cell(r.blockers()))
          .append(" |\n");
    }
    return md.toString();
  }

  private static void diagram(
      StringBuilder md, List<EntityModel> entities, List<ViewModel> views) {
    md.append("```mermaid\nerDiagram\n");
    for (EntityModel e : entities) {
      md.append("  ").append(name(e.table())).append(" {\n");
      Set<String> fkColumns = new HashSet<>();
      for (ForeignKeyModel fk : e.foreignKeys()) {
        fk.childColumns().forEach(c -> fkColumns.add(c.toLowerCase(Locale.ROOT)));
      }
      for (ColumnModel c : e.columns()) {
        md.append("    ").append(c.stored().described()).append(' ').append(attribute(c.name()));
        List<String> keys = new ArrayList<>();
        if (e.isPrimaryKey(c)) {
          keys.add("PK");
        }
        if (fkColumns.contains(c.name().toLowerCase(Locale.ROOT))) {
          keys.add("FK");
        }
        if (c.unique()) {
          keys.add("UK");
        }
        if (!keys.isEmpty()) {
          md.append(' ').append(String.join(", ", keys));
        }
        List<String> notes = new ArrayList<>();
        if (Ddl.declaredNotNull(e, c)) {
          notes.add("NOT NULL");
        }
        if (c.defaultValue() != null) {
          notes.add("DEFAULT " + c.defaultValue());
        }
        if (c.postgresDefault() != null) {
          notes.add("PostgreSQL DEFAULT " + c.postgresDefault());
        }
        if (!notes.isEmpty()) {
          md.append(" \"").append(String.join(" ", notes).replace('"', '\'')).append('"');
        }
        md.append('\n');
      }
      md.append("  }\n");
    }
    for (EntityModel child : entities) {
      for (ForeignKeyModel fk : child.foreignKeys()) {
        md.append("  ").append(name(fk.parentTable())).append(' ')
            .append(relationship(child, fk)).append(' ')
            .append(name(child.table())).append(" : \"").append(fk.name())
            .append(": ON DELETE ").append(fk.onDelete().sql())
            .append(", ON UPDATE ").append(fk.onUpdate().sql())
            .append(fk.deferred() ? ", DEFERRED" : "").append("\"\n");
      }
    }
    for (ViewModel v : views) {
      md.append("  ").append(name(v.name())).append(" {\n");
      for (String c : v.columns()) {
        md.append("    VIEW ").append(attribute(c)).append('\n');
      }
      md.append("  }\n");
    }
    for (ViewModel v : views) {
      for (String table : v.reads()) {
        md.append("  ").append(name(table)).append(" }o..o{ ").append(name(v.name()))
            .append(" : \"read by view\"\n");
      }
    }
    md.append("```\n");
  }

  /**
   * Crow's feet: the parent side is "exactly one" when every child column is NOT NULL, else
   * "zero or one" (a NULL child column refers to nothing); the child side is "zero or one" when
   * the child columns are unique, else "zero or more". A solid line marks an identifying
   * relation (the key is part of the child's primary key).
   */
  private static String relationship(EntityModel child, ForeignKeyModel fk) {
    boolean required = fk.childColumns().stream()
        .allMatch(n -> child.column(n).map(c -> !c.nullable() || child.isPrimaryKey(c))
            .orElse(false));
    boolean identifying = fk.childColumns().stream()
        .allMatch(n -> child.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(n)));
    return (required ? "||" : "|o") + (identifying ? "--" : "..")
        + (unique(child, fk.childColumns()) ? "o|" : "o{");
  }

  private static boolean unique(EntityModel e, List<String> columns) {
    Set<String> wanted = lower(columns);
    if (wanted.equals(lower(e.primaryKey()))) {
      return true;
    }
    if (columns.size() == 1 && e.column(columns.get(0)).map(ColumnModel::unique).orElse(false)) {
      return true;
    }
    for (IndexModel i : e.indexes()) {
      if (i.unique() && wanted.equals(lower(i.columns()))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> lower(List<String> names) {
    Set<String> out = new HashSet<>();
    names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
    return out;
  }

  /** Mermaid entity names are bare words; anything else is quoted. */
  private static String name(String table) {
    return MERMAID_NAME.matcher(table).matches() ? table : "\"" + table.replace('"', '\'') + "\"";
  }

  /** Mermaid attribute names cannot be quoted; other characters become underscores. */
  private static String attribute(String column) {
    String cleaned = column.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
  }

  private static String cell(Iterable<String> items) {
    List<String> out = new ArrayList<>();
    items.forEach(s -> out.add(s.replace("|", "\\|")));
    return out.isEmpty() ? NONE : String.join("<br>", out);
  }
}
