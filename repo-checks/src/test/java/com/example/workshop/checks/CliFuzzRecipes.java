package com.example.workshop.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands the fuzz test edits, as the lessons' READMEs run them (paths from the repository
 * root): which file of a lesson is edited, and the command line around it.
 */
final class CliFuzzRecipes {
  /** What the commands need built. */
  static final List<String> BUILT = List.of("01-hello-lambda/target/classes", "02-event-triggers/target/classes",
      "02-event-triggers/target/lib", "03-first-state-machine/target/classes", "04-error-handling/target/classes");

  private static final String L1 = "01-hello-lambda/";
  private static final String L2 = "02-event-triggers/";
  private static final String L3 = "03-first-state-machine/";
  private static final String L4 = "04-error-handling/";
  private static final String CP1 = L1 + "target/classes";
  private static final String CP2 = L2 + "target/classes:" + L2 + "target/lib/*";
  private static final String ORDERS_03 = L3 + "statemachine/order-workflow.asl.json";
  private static final String ORDERS_04 = L4 + "statemachine/order-fulfilment.asl.json";
  private static final String SEED_03 = L3 + "statemachine/seed-corrected.asl.json";
  private static final String MOCKS_03 = L3 + "src/test/resources/mock-config.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  /**
   * One command line; {@code @} marks the argument that is the edited file.
   *
   * @param handlers whether functions run (their log on stderr may hold their own stack traces)
   */
  private record Recipe(String label, String file, boolean handlers, List<String> args) {}

  private static final List<Recipe> RECIPES = List.of(
      invoke(L1 + "events/hello.json", "com.example.orders.hello.HelloHandler::handleRequest", CP1),
      invoke(L1 + "events/order.json", "com.example.orders.hello.OrderHandler::handleRequest", CP1),
      invoke(L1 + "events/api-post-order.json", "com.example.orders.hello.OrderApiHandler::handleRequest", CP1),
      invoke(L2 + "events/sqs-order-batch.json", "com.example.workshop.triggers.OrderQueueHandler::handleRequest", CP2),
      invoke(L2 + "events/sqs-fifo-poison-batch.json", "com.example.workshop.triggers.OrderQueueHandler::handleRequest",
          CP2),
      invoke(L2 + "events/dynamodb-order-changes.json",
          "com.example.workshop.triggers.OrderStreamHandler::handleRequest", CP2),
      invoke(L2 + "events/sns-order-placed.json", "com.example.workshop.triggers.OrderEventsHandler::handleRequest",
          CP2),
      new Recipe("invoke OrderFileHandler", L2 + "events/s3-encoded-keys.json", true, List.of("invoke", "--handler",
          "com.example.workshop.triggers.OrderFileHandler::handleRequest", "--event", "@", "--classpath", CP2,
          "--env", "ORDER_BUCKET=orders-uploads-123456789012-us-east-1")),
      validate(ORDERS_03), validate(ORDERS_04), validate(SEED_03),
      diagram(ORDERS_03), diagram(ORDERS_04), diagram(SEED_03),
      new Recipe("run 03 (edited definition, mocked)", ORDERS_03, false,
          concat(List.of("run", "--definition", "@", "--input", L3 + "events/order-file-uploaded.json", "--json",
              "--history", "--mock-config", MOCKS_03, "--test-case", "OrderFileUploaded", "--state-machine-name",
              "OrderWorkflow"), substitutions(ORDERS_03))),
      new Recipe("run 03 (edited mock file)", MOCKS_03, false,
          concat(List.of("run", "--definition", ORDERS_03, "--input", L3 + "events/order-file-uploaded.json", "--json",
              "--mock-config", "@", "--test-case", "OrderFileUploaded", "--state-machine-name", "OrderWorkflow"),
              substitutions(ORDERS_03))),
      new Recipe("run 04 (edited definition)", ORDERS_04, false,
          concat(List.of("run", "--definition", "@", "--input", L4 + "events/order-invalid.json"),
              substitutions(ORDERS_04))),
      new Recipe("run 04 (edited input, Java handlers)", L4 + "events/order-happy.json", true,
          concat(List.of("run", "--definition", ORDERS_04, "--input", "@", "--json", "--classpath",
              L4 + "target/classes"), concat(substitutions(ORDERS_04), functions(ORDERS_04, "fulfilment")))),
      new Recipe("run 03 (edited input, Java handlers)", L3 + "events/order-placed.json", true,
          concat(List.of("run", "--definition", ORDERS_03, "--input", "@", "--json", "--classpath",
              L3 + "target/classes"), concat(substitutions(ORDERS_03), functions(ORDERS_03, "workflow")))));

  /** One fuzz case: a recipe, its file edited with a seed of its own. */
  record Case(int index, String label, List<String> args, Path original, Path mutated, Path dir,
      boolean runsHandlers) {}

  private CliFuzzRecipes() {}

  /**
   * @param labelFilter only the recipes whose label contains it (all when empty), to fuzz one command
   *     harder
   */
  static Case make(long seed, int index, Path work, String labelFilter) {
    List<Recipe> recipes = RECIPES.stream().filter(r -> r.label().contains(labelFilter)).toList();
    if (recipes.isEmpty()) {
      throw new IllegalArgumentException("no fuzz recipe label contains '" + labelFilter + "'");
    }
    Random random = new Random(seed * 31 + index);
    Recipe recipe = recipes.get(random.nextInt(recipes.size()));
    Path dir = work.resolve("case-" + index);
    try {
      Files.createDirectories(dir);
      Path original = Path.of(recipe.file());
      String text = Files.readString(RepoRoot.get().resolve(original), StandardCharsets.UTF_8);
      Path mutated = dir.resolve(original.getFileName()).toAbsolutePath();
      Files.writeString(mutated, new JsonMutator(random.nextLong()).mutate(text), StandardCharsets.UTF_8);
      List<String> args = recipe.args().stream().map(a -> a.equals("@") ? mutated.toString() : a).toList();
      return new Case(index, recipe.label(), args, original, mutated, dir, recipe.handlers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Recipe invoke(String event, String handler, String classpath) {
    String name = handler.substring(handler.lastIndexOf('.') + 1, handler.indexOf("::"));
    return new Recipe("invoke " + name + " " + Path.of(event).getFileName(), event, true,
        List.of("invoke", "--handler", handler, "--event", "@", "--classpath", classpath));
  }

  private static Recipe validate(String definition) {
    return new Recipe("validate " + Path.of(definition).getFileName(), definition, false,
        concat(List.of("validate", "@"), substitutions(definition)));
  }

  private static Recipe diagram(String definition) {
    return new Recipe("diagram " + Path.of(definition).getFileName(), definition, false,
        concat(List.of("diagram", "--definition", "@"), substitutions(definition)));
  }

  /** A --substitution for each ${Name} of the definition: a function ARN named after it. */
  private static List<String> substitutions(String definition) {
    List<String> args = new ArrayList<>();
    for (String key : placeholders(definition)) {
      args.add("--substitution");
      args.add(key + "=" + arn(key));
    }
    return args;
  }

  /** A --function for each function ARN: the lesson's handler class of the same name. */
  private static List<String> functions(String definition, String lessonPackage) {
    List<String> args = new ArrayList<>();
    for (String key : placeholders(definition)) {
      String name = functionName(key);
      args.add("--function");
      args.add(name + "=com.example.orders." + lessonPackage + "." + name + "::handleRequest");
    }
    return args;
  }

  private static List<String> placeholders(String definition) {
    try {
      Matcher m = PLACEHOLDER.matcher(Files.readString(RepoRoot.get().resolve(definition)));
      List<String> keys = new ArrayList<>();
      while (m.find()) {
        if (!keys.contains(m.group(1))) {
          keys.add(m.group(1));
        }
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String arn(String key) {
    return switch (key) {
      case "Region" -> "us-east-1";
      case "AccountId" -> "123456789012";
      case "FunctionName" -> "ValidateOrder";
      default -> "arn:aws:lambda:us-east-1:123456789012:function:" + functionName(key);
    };
  }

  private static String functionName(String key) {
    return key.replace("FunctionArn", "");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
