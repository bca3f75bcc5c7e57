package keystone.engine.internal;

import java.nio.file.Path;

/**
 * Sealed options of one open database.
 *
 * @param path the SQLite file, or null for a private in-memory database
 * @param verifyOnOpen compare the file's tables with the compiled schema when opening
 */
public record EngineConfig(Path path, boolean verifyOnOpen) {}
