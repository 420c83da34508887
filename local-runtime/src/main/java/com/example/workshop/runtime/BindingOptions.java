package com.example.workshop.runtime;

import com.example.workshop.runtime.lambda.Isolation;
import com.example.workshop.runtime.lambda.LocalLambda;
import com.example.workshop.runtime.sam.SamApplication;
import com.example.workshop.runtime.sam.SamFunction;
import com.example.workshop.runtime.sfn.LocalStepFunctions;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What an execution runs on, the same for {@code run} and {@code serve}: the Java handlers
 * ({@code --function}, {@code --classpath}, a template's functions), the mock file, the clock and
 * the identity in ARNs. Each handler runs in a JVM of its own, as on Lambda.
 */
final class BindingOptions {
  @Mixin Functions javaHandlers = new Functions();

  @Option(names = "--mock-config", paramLabel = "FILE",
      description = "an AWS Step Functions Local mock file (its test case: run --test-case NAME;"
          + " serve: start the execution on STATE_MACHINE_ARN#NAME)")
  String mockConfig;

  @Option(names = "--clock", paramLabel = "virtual|real",
      description = "virtual (default): Wait and Retry take no real time; real: they do")
  String clock;

  @Option(names = "--account", paramLabel = "ID", description = "the account in ARNs (default 123456789012)")
  String account;

  @Option(names = "--region", paramLabel = "R", description = "the region in ARNs (default us-east-1)")
  String region;

  /** --function bindings: name → handler, for hints. */
  private final Map<String, String> handlers = new LinkedHashMap<>();
  /** Template functions by every name they are bound to. */
  private final Map<String, SamFunction> fromTemplate = new LinkedHashMap<>();
  private final Map<String, List<Path>> templateClasspath = new LinkedHashMap<>();
  private List<Path> code = List.of();
  private String template;

  /** The template as these options see it (--region and --account replace its defaults). */
  SamApplication apply(SamApplication app) {
    SamApplication a = region != null ? app.withRegion(region) : app;
    return account != null ? a.withAccountId(account) : a;
  }

  /**
   * The engine these options describe: clock, identity, code, the functions that the
   * DefinitionSubstitutions of {@code stateMachineIds} refer to (with a template), then each
   * {@code --function}, which replaces a template binding of the same name.
   */
  LocalStepFunctions.Builder builder(SamApplication app, String templateFile, List<String> stateMachineIds) {
    LocalStepFunctions.Builder b = LocalStepFunctions.builder();
    clock(clock, b);
    if (account != null) {
      option("--account", () -> b.accountId(account));
    }
    if (region != null) {
      option("--region", () -> b.region(region));
    }
    code = javaHandlers.classpath.paths();
    if (!code.isEmpty()) {
      b.classLoader(classLoader(code));
    }
    b.isolation(Isolation.PROCESS);
    if (app != null) {
      template = templateFile;
      CodePackages packages = new CodePackages(Path.of(templateFile));
      Map<String, LocalLambda.Builder> built = new LinkedHashMap<>();
      for (String id : stateMachineIds) {
        bindTemplateFunctions(app, id, b, packages, built);
      }
    }
    handlers.putAll(bindFunctions(javaHandlers.functions, b));
    return b;
  }

  /** {@code --clock virtual|real}; null keeps the default (virtual). */
  static void clock(String clock, LocalStepFunctions.Builder b) {
    if (clock != null) {
      switch (clock) {
        case "virtual" -> b.virtualTime();
        case "real" -> b.realTime();
        default -> throw new UsageException("--clock takes 'virtual' or 'real', got '" + clock + "'");
      }
    }
  }

  /** Applies one option's value; the engine's refusal becomes a usage error naming the option. */
  private static void option(String name, Runnable set) {
    try {
      set.run();
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + ": " + e.getMessage());
    }
  }

  /** Binds each {@code --function NAME=pkg.Class::method[,settings]}; returns the handler by name. */
  static Map<String, String> bindFunctions(List<String> functions, LocalStepFunctions.Builder b) {
    Map<String, String> bound = new LinkedHashMap<>();
    for (String f : functions) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--function takes NAME=pkg.Class::method[,timeout=SECONDS][,memory=MB], got '"
            + f + "'");
      }
      String name = f.substring(0, eq);
      if (bound.containsKey(name)) {
        throw new UsageException("--function " + name + " is given twice; bind each function once");
      }
      String spec = f.substring(eq + 1);
      bound.put(name, spec.split(",")[0].trim());
      b.function(name, function(spec));
    }
    return bound;
  }

  /** Reads --mock-config into the engine (after the command's own checks of it). */
  void mockConfig(LocalStepFunctions.Builder b, Path mock) {
    try {
      b.mockConfig(mock);
    } catch (IllegalArgumentException e) {
      throw new UsageException(RunCommand.oneLine(e.getMessage()));
    }
  }

  /**
   * A template function whose handler Lambda could not call is an error (the template is wrong);
   * a --function one gets a hint on stderr, as its Tasks will fail the way they would on AWS.
   */
  void checkHandlers(Map<String, String> problems, Streams io) {
    for (Map.Entry<String, String> p : problems.entrySet()) {
      String name = p.getKey();
      SamFunction f = fromTemplate.get(name);
      if (f != null && !handlers.containsKey(name)) {
        throw new UsageException(template + ": function " + f.logicalId() + ": Handler " + f.handler() + ": "
            + p.getValue() + HandlerSuggestions.forHandler(f.handler(), templateClasspath.get(f.logicalId())));
      }
      io.err().println("hint: function " + name + ": " + p.getValue()
          + (handlers.containsKey(name) ? HandlerSuggestions.forHandler(handlers.get(name), code) : ""));
    }
  }

  /**
   * Binds every function a state machine's DefinitionSubstitutions refer to, by substitution key
   * and by logical id, with the template's handler, timeout, memory and environment, and its code
   * from CodeUri unless --classpath is given.
   */
  private void bindTemplateFunctions(SamApplication app, String stateMachineId, LocalStepFunctions.Builder b,
      CodePackages packages, Map<String, LocalLambda.Builder> built) {
    Map<String, SamFunction> functions = app.functions();
    for (Map.Entry<String, String> e : app.functionSubstitutions(stateMachineId).entrySet()) {
      SamFunction f = functions.get(e.getValue());
      LocalLambda.Builder lambda = built.computeIfAbsent(f.logicalId(), id -> {
        List<Path> cp = code.isEmpty() ? packages.classpath(id, f.codeUri(), template) : code;
        templateClasspath.put(id, cp);
        LocalLambda.Builder l = LocalLambda.builder(f.handler()).isolation(Isolation.PROCESS)
            .timeout(Duration.ofSeconds(f.timeoutSeconds())).memoryMb(f.memoryMb()).classpath(cp);
        try {
          f.environment().forEach(l::environment);
        } catch (IllegalArgumentException ex) {
          throw new UsageException(template + ": function " + id + ": " + ex.getMessage());
        }
        return l;
      });
      for (String name : List.of(e.getKey(), f.logicalId())) {
        b.function(name, lambda);
        fromTemplate.put(name, f);
      }
    }
  }

  static ClassLoader classLoader(List<Path> classpath) {
    List<URL> urls = new ArrayList<>();
    for (Path p : classpath) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UsageException("--classpath entry is not usable: " + p);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), BindingOptions.class.getClassLoader());
  }

  /** {@code pkg.Class::method[,timeout=SECONDS][,memory=MB]}: a handler with its function's settings. */
  static LocalLambda.Builder function(String spec) {
    String[] parts = spec.split(",");
    LocalLambda.Builder lambda = LocalLambda.builder(parts[0].trim()).isolation(Isolation.PROCESS);
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      String key = kv[0].trim();
      String value = kv.length == 2 ? kv[1].trim() : "";
      try {
        switch (key) {
          case "timeout" -> lambda.timeout(Duration.ofSeconds(Long.parseLong(value)));
          case "memory" -> lambda.memoryMb(Integer.parseInt(value));
          default -> throw new UsageException("--function " + spec + ": unknown setting '" + key
              + "'; use timeout=SECONDS or memory=MB");
        }
      } catch (NumberFormatException e) {
        throw new UsageException("--function " + spec + ": " + key + " must be a whole number, got '" + value + "'");
      } catch (IllegalArgumentException e) {
        throw new UsageException("--function " + spec + ": " + e.getMessage());
      }
    }
    return lambda;
  }

  /**
   * {@code --function} and {@code --classpath}: the Java handlers, the same for {@code run},
   * {@code redrive}, {@code serve} and {@code test-state}.
   */
  static final class Functions {
    @Option(names = "--function", paramLabel = "NAME=pkg.Class::method[,timeout=SECONDS][,memory=MB]",
        description = "the Java handler answering for a function (name, ARN or substitution key)")
    List<String> functions = new ArrayList<>();

    @Mixin ClasspathOption classpath = new ClasspathOption();
  }
}
