package keystone.engine.postgres;

import java.sql.SQLException;
import keystone.engine.KeystoneException;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * A {@code Duration} as PostgreSQL's INTERVAL. It is written as a time field only
 * ({@code [-]HH:MM:SS.ffffff}, hours unbounded by the day), so no month or day field is set and
 * INTERVAL's order is the durations' order. Read back, a month counts 30 days and a day 24 hours,
 * as PostgreSQL itself counts them when it compares intervals
 * (https://www.postgresql.org/docs/14/datatype-datetime.html#DATATYPE-INTERVAL-INPUT).
 */
final class PgIntervals {
  private static final long MICROS = 1_000_000L;

  private PgIntervals() {}

  static PGobject of(long micros) {
    long magnitude = Math.abs(micros);
    long seconds = magnitude / MICROS;
    String text = String.format("%s%d:%02d:%02d.%06d", micros < 0 ? "-" : "", seconds / 3600,
        seconds / 60 % 60, seconds % 60, magnitude % MICROS);
    PGobject interval = new PGobject();
    interval.setType("interval");
    try {
      interval.setValue(text);
    } catch (SQLException e) {
      throw new KeystoneException("Cannot write interval " + text, e);
    }
    return interval;
  }

  static long micros(String text) {
    PGInterval i;
    try {
      i = new PGInterval(text);
    } catch (SQLException e) {
      throw new KeystoneException("Cannot read interval '" + text + "'", e);
    }
    long days = (i.getYears() * 12L + i.getMonths()) * 30L + i.getDays();
    long seconds = ((days * 24 + i.getHours()) * 60 + i.getMinutes()) * 60 + i.getWholeSeconds();
    return seconds * MICROS + i.getMicroSeconds();
  }
}
