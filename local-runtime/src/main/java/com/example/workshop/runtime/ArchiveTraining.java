package com.example.workshop.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Makes the CLI's class-data archive next to local-runtime.jar, for the JDK that runs this (the
 * build's: {@code java -cp target/local-runtime.jar com.example.workshop.runtime.ArchiveTraining}):
 * one training run records the classes the learners' commands load (validate, diagram, run with a
 * Java handler and a template, invoke). Then it writes the launchers, {@code local-runtime} and
 * {@code local-runtime.cmd}, which start the CLI with the archive when the running JDK matches it.
 */
public final class ArchiveTraining {
  private static final String RESOURCES = "/com/example/workshop/runtime/training/";

  private ArchiveTraining() {}

  /** The handler the training invokes (in its own JVM, as every Java handler). */
  public static final class Greeter {
    public Map<String, Object> handleRequest(Map<String, Object> input) {
      return Map.of("greeting", "hello " + input.getOrDefault("n", "you"));
    }
  }

  /**
   * Without arguments (the build): removes the old archive, starts the training run in a JVM of its
   * own with the archive option this JDK has (an AOT cache from Java 25 on, a dynamic CDS archive
   * before), then writes the launchers. With {@code train}: the training run itself.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path jar = ownJar();
    if (args.length > 0 && args[0].equals("train")) {
      train(jar);
      System.exit(0); // as Main does: the archive is written at exit, whatever threads are left
    }
    Path aot = jar.resolveSibling("local-runtime.aot");
    Path jsa = jar.resolveSibling("local-runtime.jsa");
    Files.deleteIfExists(aot);
    Files.deleteIfExists(jsa);
    boolean aotCache = Runtime.version().feature() >= 25;
    String java = ProcessHandle.current().info().command().orElse("java");
    // The launchers' options: the archive is made under the conditions it is used in.
    Process training = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        aotCache ? "-XX:AOTCacheOutput=" + aot : "-XX:ArchiveClassesAtExit=" + jsa,
        "-Xlog:disable", "-cp", jar.toString(), ArchiveTraining.class.getName(), "train")
        .inheritIO().start();
    int exit = training.waitFor();
    writeLauncher("local-runtime", jar.resolveSibling("local-runtime"), true);
    writeLauncher("local-runtime.cmd", jar.resolveSibling("local-runtime.cmd"), false);
    Path archive = aotCache ? aot : jsa;
    System.out.println(Files.isRegularFile(archive)
        ? "class-data archive " + archive.getFileName() + " (Java " + Runtime.version().feature() + ") and launchers"
            + " in " + jar.getParent()
        : "no class-data archive (the training run ended with " + exit + "); the launchers start the CLI without");
    System.exit(exit);
  }

  /** validate, diagram, run (a Java handler, a template), invoke, a usage error and a help page. */
  private static void train(Path jar) throws IOException {
    Path work = Files.createTempDirectory("local-runtime-training-");
    try {
      Path definition = copy("order.asl.json", work);
      Path template = copy("template.yaml", work);
      Files.createDirectories(work.resolve("code"));
      Path input = Files.writeString(work.resolve("input.json"), "{\"n\": 3}");
      String handler = Greeter.class.getName() + "::handleRequest";
      String arn = "GreetFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:Greet";
      List<String[]> commands = List.of(
          new String[] {"validate", definition.toString(), "--substitution", arn},
          new String[] {"diagram", "--definition", definition.toString(), "--substitution", arn, "--markdown"},
          new String[] {"run", "--definition", definition.toString(), "--input", input.toString(), "--json",
              "--history", "--substitution", arn, "--function", "Greet=" + handler},
          new String[] {"run", "--template", template.toString(), "--input", input.toString(),
              "--classpath", jar.toString()},
          new String[] {"invoke", "--handler", handler, "--event", input.toString()},
          new String[] {"validate", "--defintion", definition.toString()},
          new String[] {"run", "--help"});
      PrintStream none = new PrintStream(PrintStream.nullOutputStream());
      for (String[] command : commands) {
        Main.run(command, InputStream.nullInputStream(), none, none);
      }
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Path ownJar() {
    try {
      Path jar = Path.of(ArchiveTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("the training runs from local-runtime.jar, not from " + jar);
      }
      return jar;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path copy(String resource, Path dir) throws IOException {
    try (InputStream in = ArchiveTraining.class.getResourceAsStream(RESOURCES + resource)) {
      Path target = dir.resolve(resource);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
  }

  private static void writeLauncher(String resource, Path target, boolean executable) {
    try (InputStream in = ArchiveTraining.class.getResourceAsStream(RESOURCES + resource)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      if (executable && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
