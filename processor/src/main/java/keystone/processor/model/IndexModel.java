package keystone.processor.model;

import java.util.List;
import keystone.processor.diagnostics.Source;

/** A declared {@code @Index}, or one implied by a foreign key ({@code implied}). */
public record IndexModel(
    String name, List<String> columns, boolean unique, boolean implied, Source source) {
  public IndexModel {
    columns = List.copyOf(columns);
  }
}
