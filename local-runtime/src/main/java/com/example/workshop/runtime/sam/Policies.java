package com.example.workshop.runtime.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The IAM permissions a template grants: inline statements (SAM {@code Policies}, IAM roles and
 * policies) and SAM policy templates such as {@code LambdaInvokePolicy}. Managed policies by name
 * are not inspected.
 */
final class Policies {
  /** IAM service prefix → resource types of this template that have their own ARN. */
  private static final Map<String, List<String>> SERVICE_TYPES = Map.of(
      "lambda", List.of(SamTemplateCheck.SERVERLESS_FUNCTION, SamTemplateCheck.LAMBDA_FUNCTION),
      "sqs", List.of("AWS::SQS::Queue"),
      "sns", List.of("AWS::SNS::Topic"),
      "dynamodb", List.of("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"),
      "s3", List.of("AWS::S3::Bucket"),
      "states", List.of(SamTemplateCheck.SERVERLESS_STATE_MACHINE, "AWS::StepFunctions::StateMachine"),
      "logs", List.of("AWS::Logs::LogGroup"));

  /** SAM policy template name prefix → IAM service. */
  private static final Map<String, String> TEMPLATE_SERVICES = Map.of(
      "Lambda", "lambda", "SQS", "sqs", "SNS", "sns", "DynamoDB", "dynamodb", "S3", "s3",
      "StepFunctions", "states");

  /**
   * Actions that AWS documents as working only on {@code Resource: "*"} (CloudWatch Logs delivery
   * for Step Functions logging, X-Ray): never reported.
   */
  private static final Set<String> STAR_ONLY_ACTIONS = Set.of(
      "logs:createlogdelivery", "logs:getlogdelivery", "logs:updatelogdelivery",
      "logs:deletelogdelivery", "logs:listlogdeliveries", "logs:putresourcepolicy",
      "logs:describeresourcepolicies", "logs:describeloggroups", "xray:puttracesegments",
      "xray:puttelemetryrecords", "xray:getsamplingrules", "xray:getsamplingtargets");

  record Statement(String owner, String path, boolean allow, List<String> actions, List<JsonNode> resources) {}

  record PolicyTemplate(String owner, String path, String name, JsonNode parameters) {}

  private final SamTemplateCheck.Run run;
  private final List<Statement> statements = new ArrayList<>();
  private final List<PolicyTemplate> templates = new ArrayList<>();

  Policies(SamTemplateCheck.Run run) {
    this.run = run;
    run.parsed.root().path("Resources").fields().forEachRemaining(e -> {
      String id = e.getKey();
      String type = e.getValue().path("Type").asText("");
      JsonNode props = e.getValue().path("Properties");
      String where = "Resources." + id + ".Properties";
      switch (type) {
        case SamTemplateCheck.SERVERLESS_FUNCTION, SamTemplateCheck.SERVERLESS_STATE_MACHINE ->
            samPolicies(id, props.path("Policies"), where + ".Policies");
        case "AWS::IAM::Role" -> {
          List<JsonNode> list = SamTemplateCheck.items(props.path("Policies"));
          for (int i = 0; i < list.size(); i++) {
            document(id, list.get(i).path("PolicyDocument"), where + ".Policies[" + i + "].PolicyDocument");
          }
        }
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
          Set<String> roles = Refs.logicalIds(props.path("Roles"));
          for (String role : roles.isEmpty() ? Set.of(id) : roles) {
            document(role, props.path("PolicyDocument"), where + ".PolicyDocument");
          }
        }
        default -> { }
      }
    });
  }

  private void samPolicies(String owner, JsonNode policies, String where) {
    List<JsonNode> list = SamTemplateCheck.items(policies);
    boolean single = !policies.isArray();
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String path = single ? where : where + "[" + i + "]";
      if (!p.isObject()) {
        continue; // a managed policy name or ARN
      }
      if (p.has("Statement")) {
        document(owner, p, path);
      } else if (p.size() == 1) {
        String name = p.fieldNames().next();
        templates.add(new PolicyTemplate(owner, path + "." + name, name, p.get(name)));
      }
    }
  }

  private void document(String owner, JsonNode doc, String where) {
    JsonNode st = doc.path("Statement");
    List<JsonNode> list = SamTemplateCheck.items(st);
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String path = st.isArray() ? where + ".Statement[" + i + "]" : where + ".Statement";
      List<String> actions = new ArrayList<>();
      SamTemplateCheck.texts(s.path("Action")).forEach(a -> actions.add(a.toLowerCase(Locale.ROOT)));
      statements.add(new Statement(owner, path, !s.path("Effect").asText("Allow").equals("Deny"), actions,
          SamTemplateCheck.items(s.path("Resource"))));
    }
  }

  /** The LambdaInvokePolicy templates of the given owners: each function logical id they name → the policy's path. */
  Map<String, String> invokePolicyTemplates(Set<String> owners) {
    Map<String, String> found = new java.util.LinkedHashMap<>();
    for (PolicyTemplate t : templates) {
      if (owners.contains(t.owner()) && t.name().equals("LambdaInvokePolicy")) {
        Refs.logicalIds(t.parameters().path("FunctionName")).forEach(id -> found.putIfAbsent(id, t.path()));
      }
    }
    return found;
  }

  /**
   * Functions that the given owners (a state machine and the roles it uses) may invoke; the
   * result contains "*" when a statement allows invoking any function.
   */
  Set<String> invocableFunctions(Set<String> owners) {
    Set<String> ids = new LinkedHashSet<>();
    for (PolicyTemplate t : templates) {
      if (owners.contains(t.owner()) && t.name().equals("LambdaInvokePolicy")) {
        JsonNode fn = t.parameters().path("FunctionName");
        if ("*".equals(Refs.literal(fn))) {
          ids.add("*");
        }
        ids.addAll(Refs.logicalIds(fn));
        String literal = Refs.literal(fn);
        if (literal != null) {
          ids.add("name:" + literal);
        }
      }
    }
    for (Statement s : statements) {
      if (!owners.contains(s.owner()) || !s.allow() || !allowsInvoke(s.actions())) {
        continue;
      }
      for (JsonNode r : s.resources()) {
        String pattern = Refs.pattern(r);
        if (pattern != null && isWildcard(pattern)) {
          ids.add("*");
        }
        ids.addAll(Refs.logicalIds(r));
      }
    }
    return ids;
  }

  private static boolean allowsInvoke(List<String> actions) {
    return actions.contains("lambda:invokefunction") || actions.contains("lambda:*") || actions.contains("*");
  }

  /** Reports every grant on "*" for a service whose resource this template declares. */
  void checkWildcards() {
    for (Statement s : statements) {
      if (!s.allow()) {
        continue;
      }
      for (JsonNode r : s.resources()) {
        String pattern = Refs.pattern(r);
        if (pattern == null || !isWildcard(pattern)) {
          continue;
        }
        Set<String> declared = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        for (String action : s.actions()) {
          if (STAR_ONLY_ACTIONS.contains(action)) {
            continue;
          }
          String service = action.equals("*") ? "*" : action.substring(0, Math.max(0, action.indexOf(':')));
          for (Map.Entry<String, List<String>> e : SERVICE_TYPES.entrySet()) {
            if (service.equals("*") || service.equals(e.getKey())) {
              List<String> ids = run.idsOfTypes(e.getValue());
              if (!ids.isEmpty()) {
                services.add(action);
                declared.addAll(ids);
              }
            }
          }
        }
        if (!declared.isEmpty()) {
          run.add("WILDCARD_RESOURCE", run.line(s.path()), s.path(),
              s.owner() + " grants " + services + " on '" + pattern + "' but this template declares "
                  + describe(declared) + ": name it instead (for example !GetAtt "
                  + declared.iterator().next() + ".Arn)");
        }
      }
    }
    for (PolicyTemplate t : templates) {
      String service = null;
      for (Map.Entry<String, String> e : TEMPLATE_SERVICES.entrySet()) {
        if (t.name().startsWith(e.getKey())) {
          service = e.getValue();
        }
      }
      if (service == null) {
        continue;
      }
      List<String> declared = run.idsOfTypes(SERVICE_TYPES.get(service));
      String svc = service;
      t.parameters().fields().forEachRemaining(p -> {
        String v = Refs.literal(p.getValue());
        if (v != null && (v.equals("*") || v.endsWith("*")) && !declared.isEmpty()) {
          run.add("WILDCARD_RESOURCE", run.line(t.path() + "." + p.getKey()), t.path() + "." + p.getKey(),
              t.owner() + " uses " + t.name() + " with " + p.getKey() + " '" + v + "' but this template declares "
                  + describe(new LinkedHashSet<>(declared)) + ": use !Ref " + declared.get(0)
                  + " (" + svc + " resources have specific ARNs)");
        }
      });
    }
  }

  private String describe(Set<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      out.add(id + " (" + run.types.get(id) + ")");
    }
    return String.join(", ", out);
  }

  /**
   * True for "*" and for ARNs whose resource name is a wildcard ({@code function:*},
   * {@code table/*}, {@code arn:aws:s3:::*}); false for qualified ARNs such as
   * {@code ${Fn.Arn}:*} or objects of a named bucket ({@code arn:aws:s3:::orders/*}).
   */
  static boolean isWildcard(String resource) {
    // ${AWS::Region} and friends contain colons; they never make an ARN more or less specific.
    String r = resource.trim().replaceAll("\\$\\{[^}]*}", "x");
    if (r.equals("*")) {
      return true;
    }
    if (!r.startsWith("arn:")) {
      return false;
    }
    String[] parts = r.split(":", 6);
    if (parts.length < 6) {
      return false;
    }
    String name = parts[5];
    if (parts[2].equals("s3")) {
      return name.equals("*") || name.equals("*/*");
    }
    return name.equals("*") || name.matches("[A-Za-z-]+[:/]\\*");
  }
}
