package keystone.cli.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import keystone.cli.schema.SourceSchema;
import keystone.cli.schema.SourceSchema.Column;
import keystone.cli.schema.SourceSchema.Key;
import keystone.cli.schema.SourceSchema.Table;

/**
 * {@code --mermaid}: an {@code erDiagram} of the schema as the processor's schema export draws
 * it (parent to child, labelled with the constraint and its actions), each relation also naming
 * the problems found on its key. https://mermaid.js.org/syntax/entityRelationshipDiagram.html
 */
public final class MermaidReport {
  private MermaidReport() {}

  public static String render(Report report) {
    SourceSchema schema = report.schema();
    StringBuilder md = new StringBuilder("erDiagram\n");
    for (Table t : schema.tables()) {
      md.append("  ").append(name(t.name())).append(" {\n");
      for (Column c : t.columns()) {
        md.append("    ").append(name(c.type() == null || c.type().isEmpty() ? "ANY" : c.type()))
            .append(' ').append(name(c.name()));
        List<String> marks = new ArrayList<>();
        if (c.keyPosition() > 0) {
          marks.add("PK");
        }
        if (t.keys().stream().anyMatch(k -> contains(k.columns(), c.name()))) {
          marks.add("FK");
        }
        if (!marks.isEmpty()) {
          md.append(' ').append(String.join(", ", marks));
        }
        if (c.notNull()) {
          md.append(" \"NOT NULL\"");
        }
        md.append('\n');
      }
      md.append("  }\n");
    }
    for (Key k : schema.keys()) {
      Table child = schema.table(k.table()).orElseThrow();
      boolean optional = k.columns().stream()
          .anyMatch(c -> child.column(c).map(col -> !col.notNull()).orElse(true));
      List<String> found = report.problems().stream()
          .filter(p -> k.name().equals(p.key()) && p.table().equalsIgnoreCase(k.table()))
          .map(Problem::kind)
          .distinct()
          .toList();
      md.append("  ").append(name(k.parent())).append(optional ? " |o--o{ " : " ||--o{ ")
          .append(name(k.table())).append(" : \"").append(k.name()).append(": ON DELETE ")
          .append(k.onDelete()).append(", ON UPDATE ").append(k.onUpdate())
          .append(k.initiallyDeferred() ? ", DEFERRED" : "")
          .append(found.isEmpty() ? "" : " (" + String.join(", ", found) + ")")
          .append("\"\n");
    }
    return md.toString();
  }

  /** Mermaid names are words; anything else becomes '_' so the diagram always parses. */
  private static String name(String s) {
    String word = s.trim().replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("_+$", "");
    return word.isEmpty() || !Character.isLetter(word.charAt(0)) && word.charAt(0) != '_'
        ? "_" + word : word;
  }

  private static boolean contains(List<String> names, String name) {
    return names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT)
        .equals(name.toLowerCase(Locale.ROOT)));
  }
}
