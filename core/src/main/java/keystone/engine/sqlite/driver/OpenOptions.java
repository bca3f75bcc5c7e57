package keystone.engine.sqlite.driver;

import java.time.Duration;

/**
 * What the dialect asks of a connection before its first statement, where a driver can only set
 * it at open.
 *
 * @param busyTimeout how long a statement waits for a lock another connection holds
 *     (https://www.sqlite.org/c3ref/busy_timeout.html)
 * @param readOnly whether the connection only reads (Keystone's readers)
 */
public record OpenOptions(Duration busyTimeout, boolean readOnly) {}
