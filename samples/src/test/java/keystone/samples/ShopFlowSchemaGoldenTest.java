package keystone.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import keystone.samples.shopflow.ShopDatabase_Impl;
import org.junit.jupiter.api.Test;

/**
 * The ShopFlow DDL, compared with {@code golden/shopflow.sql}. After a deliberate change, rewrite
 * the file with {@code -Dkeystone.golden.update=true} and review the diff like code.
 */
class ShopFlowSchemaGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/shopflow.sql");

  @Test
  void ddlMatchesGoldenFile() throws IOException {
    String actual = String.join(";\n\n", ShopDatabase_Impl.SCHEMA.statements()) + ";\n";
    if (Boolean.getBoolean("keystone.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
  }
}
