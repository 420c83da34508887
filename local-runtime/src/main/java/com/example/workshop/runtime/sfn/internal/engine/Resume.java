package com.example.workshop.runtime.sfn.internal.engine;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one strand stood when its execution failed, timed out or was stopped: the state it had not
 * finished, that state's input, the variables its scope had assigned, and for a Parallel or Map
 * state each branch or iteration, done (with its output) or to run again (from where it stood, or
 * from the start). A redrive continues from here, as AWS restarts from the unsuccessful steps.
 */
public record Resume(String state, JsonNode input, Map<String, JsonNode> variables,
    List<Child> children) {

  /** A branch or iteration of the state: done, or run again from {@code from} (null: from its start). */
  public sealed interface Child {
    record Done(JsonNode output) implements Child {}

    record Again(Resume from) implements Child {}
  }

  public Resume {
    variables = Map.copyOf(variables);
    children = List.copyOf(children);
  }

  /** Where {@code strand} stands, or null when it finished its branch. */
  static Resume of(Strand strand) {
    Visit v = strand.lastVisit();
    if (v == null) {
      return null;
    }
    List<Child> children = Executors.of(v.state.type()) instanceof RetryingExecutor r
        ? r.progress(v) : List.of();
    return new Resume(v.state.name(), v.input, strand.variables().own(), children);
  }

  /** The child at {@code index}, run again from its start when none was recorded. */
  Child child(int index) {
    return index < children.size() ? children.get(index) : new Child.Again(null);
  }

  public JsonNode toJson() {
    ObjectNode o = Json.object();
    o.put("state", state);
    o.set("input", input);
    ObjectNode vars = o.putObject("variables");
    variables.forEach(vars::set);
    if (!children.isEmpty()) {
      ArrayNode list = o.putArray("children");
      for (Child c : children) {
        if (c instanceof Child.Done d) {
          list.addObject().set("output", d.output());
        } else {
          Resume from = ((Child.Again) c).from();
          list.addObject().set("again", from == null ? Json.NODES.nullNode() : from.toJson());
        }
      }
    }
    return o;
  }

  /** @throws IllegalArgumentException the JSON is not a Resume */
  public static Resume fromJson(JsonNode o) {
    if (!o.path("state").isTextual() || !o.has("input")) {
      throw new IllegalArgumentException("needs \"state\" and \"input\"");
    }
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.path("variables").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      vars.put(e.getKey(), e.getValue());
    }
    List<Child> children = new ArrayList<>();
    for (JsonNode c : o.path("children")) {
      if (c.has("output")) {
        children.add(new Child.Done(c.get("output")));
      } else {
        JsonNode again = c.path("again");
        children.add(new Child.Again(again.isObject() ? fromJson(again) : null));
      }
    }
    return new Resume(o.get("state").asText(), o.get("input"), vars, children);
  }
}
