package keystone.tests.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import keystone.Entity;
import keystone.PrimaryKey;

/** One column of every built-in value type; all nullable. */
@Entity(table = "moments")
public record Moment(
    @PrimaryKey long id,
    Instant at,
    OffsetDateTime stamped,
    LocalDate day,
    LocalDateTime local,
    LocalTime clock,
    Duration took,
    UUID ref,
    BigDecimal amount,
    BigInteger big) {}
