package keystone.processor.diagnostics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;

/**
 * Prints problems once each: an entity shared by two databases is validated twice but its
 * problems must appear once.
 */
public final class Reporter {
  private final Messager messager;
  private final Set<List<Object>> printed = new HashSet<>();

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void print(Report report) {
    for (Problem p : report.problems()) {
      List<Object> identity = List.of(p.text(), System.identityHashCode(p.element()));
      if (printed.add(identity)) {
        messager.printMessage(
            p.message().kind(), p.text(), p.element(), p.mirror(), p.value());
      }
    }
  }
}
