package keystone.processor.diagnostics;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;

/** Collects every problem found in one pass; generation happens only when it has no errors. */
public final class Report {
  private final List<Problem> problems = new ArrayList<>();

  public void add(Source at, Message message, Object... args) {
    problems.add(
        new Problem(message, message.format(args), at.element(), at.mirror(), at.value()));
  }

  public void add(Element at, Message message, Object... args) {
    add(Source.of(at), message, args);
  }

  public void addAll(Report other) {
    problems.addAll(other.problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
