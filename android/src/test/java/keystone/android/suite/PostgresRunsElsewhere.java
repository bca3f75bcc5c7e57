package keystone.android.suite;

import java.util.List;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.support.ParameterInfo;

/**
 * Leaves out, inside the Android sandbox, the runs of a {@code @ParameterizedClass} whose
 * {@link TestEngine} is {@link TestEngine#POSTGRES}: integration-tests runs them on the desktop
 * against a real server; here {@link TestEngine#SQLITE} is Android's SQLite, and that run is the
 * one this build is for. Registered through Jupiter's extension auto-detection, which only
 * {@link BehaviourSuite}'s launch switches on.
 */
public final class PostgresRunsElsewhere implements ExecutionCondition {
  static final String REASON = "PostgreSQL: run by integration-tests on the desktop";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    ParameterInfo info = ParameterInfo.get(context);
    List<Object> arguments = info == null ? List.of() : info.getArguments().toList();
    return arguments.contains(TestEngine.POSTGRES)
        ? ConditionEvaluationResult.disabled(REASON)
        : ConditionEvaluationResult.enabled("not a PostgreSQL run");
  }
}
