package keystone.processor.reading;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a {@code @RawQuery} result as its type asks for them: SQL known only at run time
 * has no columns to match at compile time, so each column a property wants is added here, in
 * order, and found by name when the query runs.
 */
final class RawColumns extends AbstractList<String> {
  /** One wanted column: its SQL name, the property's name, and whether it may be null. */
  record Wanted(String column, String property, boolean nullable) {}

  private final List<Wanted> wanted = new ArrayList<>();

  /** Adds the column a property reads; returns its index. */
  int add(String column, String property, boolean nullable) {
    wanted.add(new Wanted(column, property, nullable));
    return wanted.size() - 1;
  }

  List<Wanted> wanted() {
    return List.copyOf(wanted);
  }

  @Override
  public String get(int index) {
    return wanted.get(index).column();
  }

  @Override
  public int size() {
    return wanted.size();
  }
}
