package com.example.workshop.runtime.sfn.internal.definition;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.example.workshop.runtime.sfn.internal.model.Branch;
import com.example.workshop.runtime.sfn.internal.model.Catcher;
import com.example.workshop.runtime.sfn.internal.model.ChoiceState;
import com.example.workshop.runtime.sfn.internal.model.ErrorHandling;
import com.example.workshop.runtime.sfn.internal.model.FailState;
import com.example.workshop.runtime.sfn.internal.model.Machine;
import com.example.workshop.runtime.sfn.internal.model.MapState;
import com.example.workshop.runtime.sfn.internal.model.NumberValue;
import com.example.workshop.runtime.sfn.internal.model.ParallelState;
import com.example.workshop.runtime.sfn.internal.model.PassState;
import com.example.workshop.runtime.sfn.internal.model.Retrier;
import com.example.workshop.runtime.sfn.internal.model.State;
import com.example.workshop.runtime.sfn.internal.model.StateType;
import com.example.workshop.runtime.sfn.internal.model.SucceedState;
import com.example.workshop.runtime.sfn.internal.model.TaskState;
import com.example.workshop.runtime.sfn.internal.model.TextValue;
import com.example.workshop.runtime.sfn.internal.model.WaitState;
import com.example.workshop.runtime.sfn.internal.query.StateIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataCatcherIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataCondition;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.ChoiceRule;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathCatcherIo;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathCondition;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathIo;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds the executable model from a validated definition. Each state's query language is settled
 * here: its own QueryLanguage, else the machine's (nested states default to the machine's too).
 */
public final class ModelBuilder {
  private static final String JSONATA = "JSONata";

  private final boolean machineJsonata;

  private ModelBuilder(boolean machineJsonata) {
    this.machineJsonata = machineJsonata;
  }

  public static Machine build(JsonNode definition) {
    ModelBuilder b = new ModelBuilder(JSONATA.equals(definition.path("QueryLanguage").asText()));
    JsonNode timeout = definition.get("TimeoutSeconds");
    return new Machine(b.branch(definition), timeout == null ? null : timeout.asLong());
  }

  private Branch branch(JsonNode scope) {
    Map<String, State> states = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = scope.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      states.put(e.getKey(), state(e.getKey(), e.getValue()));
    }
    return new Branch(scope.path("StartAt").asText(), states);
  }

  private State state(String name, JsonNode node) {
    StateType type = StateType.of(node.path("Type").asText());
    boolean jsonata = node.has("QueryLanguage")
        ? JSONATA.equals(node.path("QueryLanguage").asText()) : machineJsonata;
    StateIo io = jsonata ? jsonataIo(type, node) : jsonPathIo(type, node);
    String next = text(node, "Next");
    return switch (type) {
      case PASS -> new PassState(name, next, io, node.get("Result"), node.has("Result")
          ? Json.text(node.get("Result")).getBytes(StandardCharsets.UTF_8).length : 0);
      case TASK -> new TaskState(name, next, io, node.path("Resource").asText(),
          number(node, "TimeoutSeconds", jsonata), number(node, "HeartbeatSeconds", jsonata),
          handling(node, jsonata));
      case CHOICE -> new ChoiceState(name, io, rules(node, io, jsonata), text(node, "Default"));
      case WAIT -> new WaitState(name, next, io, number(node, "Seconds", jsonata),
          waitTimestamp(node, jsonata));
      case SUCCEED -> new SucceedState(name, io);
      case FAIL -> new FailState(name, io, failText(node, "Error", jsonata),
          failText(node, "Cause", jsonata));
      case PARALLEL -> {
        List<Branch> branches = new ArrayList<>();
        node.path("Branches").forEach(b -> branches.add(branch(b)));
        yield new ParallelState(name, next, io, branches, handling(node, jsonata));
      }
      case MAP -> map(name, next, io, node, jsonata);
    };
  }

  private MapState map(String name, String next, StateIo io, JsonNode node, boolean jsonata) {
    JsonNode proc = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.path("Iterator");
    MapState.Items items;
    MapState.ItemSelector selector = null;
    if (jsonata) {
      items = node.has("Items") ? new MapState.Items.Jsonata(jsonata("Items", node)) : null;
      if (node.has("ItemSelector")) {
        selector = new MapState.ItemSelector.Jsonata(jsonata("ItemSelector", node));
      }
    } else {
      items = new MapState.Items.Path(path(node, "ItemsPath"));
      JsonNode template = node.has("ItemSelector") ? node.get("ItemSelector")
          : node.get("Parameters");
      if (template != null) {
        selector = new MapState.ItemSelector.Template(PayloadTemplate.compile(template));
      }
    }
    String unsupported = null;
    for (String field : new String[] {"ItemReader", "ItemBatcher", "ResultWriter"}) {
      if (node.has(field) && unsupported == null) {
        unsupported = field;
      }
    }
    return new MapState(name, next, io, branch(proc),
        "DISTRIBUTED".equals(proc.path("ProcessorConfig").path("Mode").asText()), items, selector,
        number(node, "MaxConcurrency", jsonata), number(node, "ToleratedFailureCount", jsonata),
        number(node, "ToleratedFailurePercentage", jsonata), text(node, "Label"), unsupported,
        handling(node, jsonata));
  }

  private static StateIo jsonPathIo(StateType type, JsonNode node) {
    boolean parameters = type == StateType.PASS || type == StateType.TASK
        || type == StateType.PARALLEL;
    return new JsonPathIo(path(node, "InputPath"),
        parameters ? PayloadTemplate.compile(node.get("Parameters")) : null,
        PayloadTemplate.compile(node.get("ResultSelector")), path(node, "ResultPath"),
        path(node, "OutputPath"), PayloadTemplate.compile(node.get("Assign")));
  }

  private static StateIo jsonataIo(StateType type, JsonNode node) {
    boolean result = type == StateType.TASK || type == StateType.PARALLEL
        || type == StateType.MAP;
    return new JsonataIo(JsonataTemplate.compile("Arguments", node.get("Arguments")),
        JsonataTemplate.compile("Output", node.get("Output")),
        JsonataTemplate.compile("Assign", node.get("Assign")), result);
  }

  private static List<ChoiceState.Rule> rules(JsonNode node, StateIo io, boolean jsonata) {
    List<ChoiceState.Rule> rules = new ArrayList<>();
    for (JsonNode n : node.path("Choices")) {
      if (jsonata) {
        rules.add(new ChoiceState.Rule(new JsonataCondition(jsonata("Condition", n)),
            text(n, "Next"), ((JsonataIo) io).withRule(jsonata("Output", n), jsonata("Assign", n))));
      } else {
        ChoiceRule rule = ChoiceRule.parse(n);
        StateIo ruleIo = n.has("Assign")
            ? ((JsonPathIo) io).withAssign(PayloadTemplate.compile(n.get("Assign"))) : io;
        rules.add(new ChoiceState.Rule(new JsonPathCondition(rule, Json.text(n).contains("$$")),
            rule.next(), ruleIo));
      }
    }
    return rules;
  }

  private static ErrorHandling handling(JsonNode node, boolean jsonata) {
    List<Retrier> retriers = new ArrayList<>();
    for (JsonNode r : node.path("Retry")) {
      List<String> errors = new ArrayList<>();
      r.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
      retriers.add(new Retrier(errors, r.path("IntervalSeconds").asLong(1),
          r.path("MaxAttempts").asInt(3), r.path("BackoffRate").asDouble(2.0),
          r.hasNonNull("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asLong() : null,
          "FULL".equals(r.path("JitterStrategy").asText())));
    }
    List<Catcher> catchers = new ArrayList<>();
    for (JsonNode c : node.path("Catch")) {
      List<String> errors = new ArrayList<>();
      c.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
      catchers.add(new Catcher(errors, c.path("Next").asText(), jsonata
          ? new JsonataCatcherIo(jsonata("Output", c), jsonata("Assign", c))
          : new JsonPathCatcherIo(path(c, "ResultPath"), PayloadTemplate.compile(c.get("Assign")))));
    }
    return new ErrorHandling(retriers, catchers);
  }

  /** {@code field} (literal or JSONata) or its JSONPath twin {@code fieldPath}; null when absent. */
  private static NumberValue number(JsonNode node, String field, boolean jsonata) {
    if (jsonata) {
      return node.has(field) ? new NumberValue.Jsonata(jsonata(field, node)) : null;
    }
    if (node.hasNonNull(field + "Path")) {
      return new NumberValue.Path(QueryPath.of(node.get(field + "Path").asText()));
    }
    return node.has(field) ? new NumberValue.Literal(node.get(field)) : null;
  }

  private static TextValue waitTimestamp(JsonNode node, boolean jsonata) {
    if (jsonata) {
      return node.has("Timestamp") ? new TextValue.Jsonata(jsonata("Timestamp", node)) : null;
    }
    if (node.hasNonNull("TimestampPath")) {
      return new TextValue.Path(QueryPath.of(node.get("TimestampPath").asText()));
    }
    String literal = text(node, "Timestamp");
    return literal == null ? null : new TextValue.Literal(literal);
  }

  private static TextValue failText(JsonNode node, String field, boolean jsonata) {
    if (jsonata) {
      return node.has(field) ? new TextValue.Jsonata(jsonata(field, node)) : null;
    }
    String literal = text(node, field);
    if (literal != null) {
      return new TextValue.Literal(literal);
    }
    String expr = text(node, field + "Path");
    return expr == null ? null : new TextValue.Expression(expr,
        PayloadTemplate.expression(field + "Path", expr));
  }

  private static JsonataTemplate jsonata(String field, JsonNode node) {
    return JsonataTemplate.compile(field, node.get(field));
  }

  /** A path field: {@code $} when absent, null for its JSON-null form. */
  private static QueryPath path(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return QueryPath.of("$");
    }
    return v.isNull() ? null : QueryPath.of(v.asText());
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
