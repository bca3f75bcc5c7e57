package keystone.processor.model;

import java.util.List;
import keystone.processor.diagnostics.Source;

/**
 * A declared {@code @Index}, or one implied by a foreign key ({@code implied}); {@code
 * constraint} marks {@code @Index(constraint = true)}, a {@code UNIQUE (...)} table constraint.
 */
public record IndexModel(
    String name, List<String> columns, boolean unique, boolean implied, Source source,
    boolean constraint) {
  public IndexModel {
    columns = List.copyOf(columns);
  }

  public IndexModel(
      String name, List<String> columns, boolean unique, boolean implied, Source source) {
    this(name, columns, unique, implied, source, false);
  }
}
