package com.example.orders.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs after `package`: target/function.zip has the layout the Lambda Java runtime loads. */
class FunctionZipIT {

  @Test
  @DisplayName("function.zip: classes at the root, runtime jars in lib/, nothing from the tests")
  void layout() throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(Path.of("target/function.zip").toFile())) {
      zip.stream().forEach(e -> names.add(e.getName()));
    }
    assertTrue(names.contains(entry(HelloHandler.class)), names.toString());
    assertTrue(names.contains(entry(OrderApiHandler.class)), names.toString());
    assertTrue(names.contains("lib/aws-lambda-java-core-1.4.0.jar"), names.toString());
    assertTrue(names.contains("lib/aws-lambda-java-events-3.16.1.jar"), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.startsWith("lib/jackson-databind-")), names.toString());
    // The classes' top-level package folder (com/), whichever package the lesson was renamed to.
    String classesRoot = entry(HelloHandler.class).substring(0, entry(HelloHandler.class).indexOf('/') + 1);
    for (String n : names) {
      assertFalse(n.contains("junit") || n.contains("local-runtime") || n.contains("aws-lambda-java-tests"),
          "test-only dependency packaged: " + n);
      assertTrue(n.startsWith(classesRoot) || n.startsWith("lib/") || n.startsWith("META-INF/"), "unexpected entry " + n);
    }
    assertEquals(0, names.stream().filter(n -> n.startsWith("lib/") && n.endsWith(".jar") && n.indexOf('/', 4) >= 0)
        .count(), "jars sit directly in lib/");
  }

  /** A class's path inside the zip, e.g. com/example/orders/hello/HelloHandler.class. */
  private static String entry(Class<?> type) {
    return type.getName().replace('.', '/') + ".class";
  }
}
