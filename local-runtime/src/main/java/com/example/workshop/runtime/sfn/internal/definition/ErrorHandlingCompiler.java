package com.example.workshop.runtime.sfn.internal.definition;

import static com.example.workshop.runtime.sfn.internal.definition.Checks.SCHEMA;

import com.example.workshop.runtime.sfn.internal.asl.Limits;
import com.example.workshop.runtime.sfn.internal.definition.Compiler.Part;
import com.example.workshop.runtime.sfn.internal.model.Catcher;
import com.example.workshop.runtime.sfn.internal.model.ErrorHandling;
import com.example.workshop.runtime.sfn.internal.model.Retrier;
import com.example.workshop.runtime.sfn.internal.query.CatcherIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataCatcherIo;
import com.example.workshop.runtime.sfn.internal.query.jsonata.JsonataTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.JsonPathCatcherIo;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.PayloadTemplate;
import com.example.workshop.runtime.sfn.internal.query.jsonpath.QueryPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Retry and Catch of Task, Parallel and Map states, with AWS's defaults filled in. */
final class ErrorHandlingCompiler {
  private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds",
      "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
  private static final Set<String> JSONATA_CATCHER_FIELDS =
      Set.of("ErrorEquals", "Next", "Comment", "Output", "Assign");
  private static final Set<String> JSONPATH_CATCHER_FIELDS =
      Set.of("ErrorEquals", "Next", "Comment", "ResultPath", "Assign");

  private ErrorHandlingCompiler() {}

  static ErrorHandling handling(Part p) {
    return new ErrorHandling(retriers(p), catchers(p));
  }

  private static List<Retrier> retriers(Part p) {
    Checks c = p.checks();
    JsonNode retry = p.node().get("Retry");
    String pointer = p.pointer() + "/Retry";
    List<Retrier> out = new ArrayList<>();
    if (retry == null) {
      return out;
    }
    if (!retry.isArray()) {
      c.report(SCHEMA, pointer, "The value for the field 'Retry' must be an array of retriers");
      return out;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode r = retry.get(i);
      String rp = LineLocator.child(pointer, i);
      if (!r.isObject()) {
        c.report(SCHEMA, rp, "A retrier must be an object");
        continue;
      }
      c.unsupported(r, rp, RETRIER_FIELDS);
      List<String> errors = errorEquals(c, r, rp, i == retry.size() - 1, "retrier");
      long interval = 1;
      if (r.has("IntervalSeconds")) {
        Long v = c.integer(r.get("IntervalSeconds"), rp + "/IntervalSeconds", "IntervalSeconds",
            1, Limits.MAX_SECONDS);
        interval = v == null ? interval : v;
      }
      long attempts = 3;
      if (r.has("MaxAttempts")) {
        Long v = c.integer(r.get("MaxAttempts"), rp + "/MaxAttempts", "MaxAttempts", 0,
            Limits.MAX_SECONDS);
        attempts = v == null ? attempts : v;
      }
      Long maxDelay = null;
      if (r.has("MaxDelaySeconds")) {
        maxDelay = c.integer(r.get("MaxDelaySeconds"), rp + "/MaxDelaySeconds", "MaxDelaySeconds",
            1, Limits.MAX_DELAY_SECONDS);
      }
      double backoff = 2.0;
      JsonNode backoffNode = r.get("BackoffRate");
      if (backoffNode != null) {
        if (backoffNode.isNumber() && backoffNode.asDouble() >= 1.0) {
          backoff = backoffNode.asDouble();
        } else {
          c.report(SCHEMA, rp + "/BackoffRate", "The value for the field 'BackoffRate' must be a"
              + " number greater than or equal to 1.0");
        }
      }
      c.oneOf(r, rp, "JitterStrategy", List.of("FULL", "NONE"));
      out.add(new Retrier(errors, interval, (int) attempts, backoff, maxDelay,
          "FULL".equals(r.path("JitterStrategy").asText())));
    }
    return out;
  }

  private static List<Catcher> catchers(Part p) {
    Checks c = p.checks();
    JsonNode catchers = p.node().get("Catch");
    String pointer = p.pointer() + "/Catch";
    List<Catcher> out = new ArrayList<>();
    if (catchers == null) {
      return out;
    }
    if (!catchers.isArray()) {
      c.report(SCHEMA, pointer, "The value for the field 'Catch' must be an array of catchers");
      return out;
    }
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode node = catchers.get(i);
      String cp = LineLocator.child(pointer, i);
      if (!node.isObject()) {
        c.report(SCHEMA, cp, "A catcher must be an object");
        continue;
      }
      c.unsupported(node, cp, p.jsonata() ? JSONATA_CATCHER_FIELDS : JSONPATH_CATCHER_FIELDS);
      List<String> errors = errorEquals(c, node, cp, i == catchers.size() - 1, "catcher");
      if (!node.has("Next")) {
        c.report(SCHEMA, cp, "These fields are required: [Next]");
      }
      c.transition(node.get("Next"), cp + "/Next", p.transitions());
      CatcherIo io;
      if (p.jsonata()) {
        c.jsonataAssign(node.get("Assign"), cp + "/Assign");
        io = new JsonataCatcherIo(JsonataTemplate.compile("Output", node.get("Output")),
            JsonataTemplate.compile("Assign", node.get("Assign")));
      } else {
        QueryPath resultPath = QueryPath.of("$");
        if (node.has("ResultPath")) {
          resultPath = node.get("ResultPath").isNull() ? null
              : c.path(node.get("ResultPath"), cp + "/ResultPath", "ResultPath", true);
        }
        PayloadTemplate assign = node.has("Assign")
            ? c.assign(node.get("Assign"), cp + "/Assign") : null;
        io = new JsonPathCatcherIo(resultPath, assign);
      }
      out.add(new Catcher(errors, node.path("Next").asText(), io));
    }
    return out;
  }

  private static List<String> errorEquals(Checks c, JsonNode node, String pointer, boolean last,
      String what) {
    List<String> names = new ArrayList<>();
    JsonNode errors = node.get("ErrorEquals");
    String ep = pointer + "/ErrorEquals";
    if (errors == null) {
      c.report(SCHEMA, pointer, "These fields are required: [ErrorEquals]");
      return names;
    }
    if (!errors.isArray()) {
      c.report(SCHEMA, ep, "The value for the field 'ErrorEquals' must be an array of error names");
      return names;
    }
    if (errors.isEmpty()) {
      c.report(SCHEMA, ep, "Value cannot be empty");
    }
    boolean all = false;
    for (int i = 0; i < errors.size(); i++) {
      JsonNode e = errors.get(i);
      if (!e.isTextual()) {
        c.report(SCHEMA, LineLocator.child(ep, i), "An error name must be a string");
      } else {
        names.add(e.asText());
        all |= e.asText().equals("States.ALL");
      }
    }
    if (all && errors.size() > 1) {
      c.report(SCHEMA, ep, "'States.ALL' must appear alone in 'ErrorEquals'");
    }
    if (all && !last) {
      c.report(SCHEMA, ep, "A " + what + " with 'States.ALL' must be the last " + what);
    }
    return names;
  }
}
