package keystone.cli.doctor;

import java.util.Locale;

/** How bad a finding is; {@code --fail-on} picks the lowest one that makes the exit status 1. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
