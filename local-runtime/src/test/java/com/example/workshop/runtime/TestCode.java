package com.example.workshop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Handler code the CLI tests compile on the fly, into folders and jars as a learner's build would. */
final class TestCode {
  private TestCode() {}

  /** Compiles one class against the test classpath into {@code dir/classes-<name>}. */
  static Path compile(Path dir, String className, String source) throws Exception {
    Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes-" + className));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        src.toString());
    assertEquals(0, rc, "compiling " + className);
    return classes;
  }

  static void jar(Path classes, Path jarFile) throws Exception {
    Files.createDirectories(jarFile.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(jarFile); JarOutputStream jar = new JarOutputStream(os);
        var files = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
        jar.write(Files.readAllBytes(p));
        jar.closeEntry();
      }
    }
  }
}
