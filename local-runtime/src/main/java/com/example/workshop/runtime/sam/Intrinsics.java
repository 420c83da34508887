package com.example.workshop.runtime.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::Join}, {@code Fn::Select}, {@code Fn::If}) resolved offline to the names and ARNs a deployment would
 * give the template's resources, with the stack name, region and account configured. A resource
 * that sets its name property (TableName, QueueName, ...) has that name; otherwise CloudFormation's
 * generated form ({@code <stack>-<LogicalId>-<SUFFIX>}) with a suffix derived from the logical id,
 * so it is the same on every run. Functions without FunctionName are named by their logical id.
 */
final class Intrinsics {
  /** How an error names the template line: a path such as {@code Resources.Fn.Properties.Handler}. */
  interface Errors {
    IllegalArgumentException at(String path, String message);
  }

  private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");

  /** Resource type → its name property, what Ref gives, and its attributes. */
  private record Kind(String nameProperty, String ref, List<String> attributes) {}

  private static final Map<String, Kind> KINDS = Map.ofEntries(
      Map.entry(SamTemplateCheck.SERVERLESS_FUNCTION, new Kind("FunctionName", "name", List.of("Arn"))),
      Map.entry(SamTemplateCheck.LAMBDA_FUNCTION, new Kind("FunctionName", "name", List.of("Arn"))),
      Map.entry("AWS::DynamoDB::Table", new Kind("TableName", "name", List.of("Arn", "StreamArn"))),
      Map.entry("AWS::Serverless::SimpleTable", new Kind("TableName", "name", List.of("Arn"))),
      Map.entry("AWS::SNS::Topic", new Kind("TopicName", "arn", List.of("TopicArn", "TopicName"))),
      Map.entry("AWS::SQS::Queue", new Kind("QueueName", "url", List.of("Arn", "QueueName", "QueueUrl"))),
      Map.entry("AWS::S3::Bucket", new Kind("BucketName", "name",
          List.of("Arn", "DomainName", "RegionalDomainName", "DualStackDomainName"))),
      Map.entry("AWS::Events::EventBus", new Kind("Name", "name", List.of("Arn", "Name"))),
      Map.entry(SamTemplateCheck.SERVERLESS_STATE_MACHINE, new Kind("Name", "arn", List.of("Arn", "Name"))),
      Map.entry("AWS::StepFunctions::StateMachine", new Kind("StateMachineName", "arn", List.of("Arn", "Name"))),
      Map.entry("AWS::SSM::Parameter", new Kind("Name", "name", List.of("Type", "Value"))),
      Map.entry("AWS::IAM::Role", new Kind("RoleName", "name", List.of("Arn"))),
      Map.entry("AWS::Logs::LogGroup", new Kind("LogGroupName", "name", List.of("Arn"))),
      Map.entry("AWS::Kinesis::Stream", new Kind("Name", "name", List.of("Arn"))));

  private final JsonNode root;
  private final Map<String, String> types;
  private final String region;
  private final String account;
  private final String stackName;
  private final TemplateInputs inputs;
  private final Errors errors;

  Intrinsics(JsonNode root, Map<String, String> types, String region, String account, String stackName,
      TemplateInputs inputs, Errors errors) {
    this.root = root;
    this.types = types;
    this.region = region;
    this.account = account;
    this.stackName = stackName;
    this.inputs = inputs;
    this.errors = errors;
  }

  /** The text CloudFormation would put in place of {@code v}; {@code path} locates it for errors. */
  String resolve(JsonNode v, String path) {
    if (v.isValueNode() && !v.isNull()) {
      return v.asText();
    }
    if (v.isObject() && v.size() == 1) {
      String function = v.fieldNames().next();
      JsonNode arg = v.get(function);
      switch (function) {
        case "Ref" -> {
          if (arg.isTextual()) {
            return ref(arg.asText(), path);
          }
        }
        case "Fn::If" -> {
          return resolve(inputs.choose(arg, path, this::resolve, errors::at), path);
        }
        case "Fn::GetAtt" -> {
          String target = arg.isArray() ? join(arg) : arg.asText();
          return getAtt(target, path);
        }
        case "Fn::Sub" -> {
          return sub(arg, path);
        }
        case "Fn::Join" -> {
          if (arg.isArray() && arg.size() == 2 && arg.get(1).isArray()) {
            List<String> parts = new ArrayList<>();
            arg.get(1).forEach(p -> parts.add(resolve(p, path)));
            return String.join(arg.get(0).asText(), parts);
          }
        }
        case "Fn::Select" -> {
          if (arg.isArray() && arg.size() == 2 && arg.get(1).isArray()) {
            int index = Integer.parseInt(resolve(arg.get(0), path));
            if (index >= 0 && index < arg.get(1).size()) {
              return resolve(arg.get(1).get(index), path);
            }
          }
        }
        default -> {
          // reported below
        }
      }
    }
    throw errors.at(path, "cannot resolve " + v + " offline: use !Ref, !GetAtt, !Sub, !Join, !Select or !If on the"
        + " template's parameters, conditions and resources, or a literal value");
  }

  private String sub(JsonNode arg, String path) {
    JsonNode text = arg.isArray() && arg.size() > 0 ? arg.get(0) : arg;
    JsonNode variables = arg.isArray() && arg.size() > 1 ? arg.get(1) : null;
    if (!text.isTextual()) {
      throw errors.at(path, "!Sub needs a string, got " + text);
    }
    Matcher m = SUB_VAR.matcher(text.asText());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String var = m.group(1).trim();
      String value;
      if (var.startsWith("!")) {
        value = "${" + var.substring(1) + "}";
      } else if (variables != null && variables.has(var)) {
        value = resolve(variables.get(var), path);
      } else if (var.contains(".") && !var.startsWith("AWS::")) {
        value = getAtt(var, path);
      } else {
        value = ref(var, path);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  String ref(String name, String path) {
    switch (name) {
      case "AWS::Region" -> {
        return region;
      }
      case "AWS::AccountId" -> {
        return account;
      }
      case "AWS::Partition" -> {
        return partition();
      }
      case "AWS::StackName" -> {
        return stackName;
      }
      case "AWS::StackId" -> {
        return "arn:" + partition() + ":cloudformation:" + region + ":" + account + ":stack/" + stackName + "/"
            + uuid(stackName);
      }
      case "AWS::URLSuffix" -> {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
      }
      default -> {
        // a parameter or a resource
      }
    }
    if (inputs.declares(name)) {
      return inputs.parameter(name, path, errors::at);
    }
    if (name.startsWith("AWS::")) {
      throw errors.at(path, "!Ref " + name + " cannot be resolved offline (the pseudo parameters that can:"
          + " AWS::Region, AWS::AccountId, AWS::Partition, AWS::StackName, AWS::StackId, AWS::URLSuffix)");
    }
    String type = types.get(name);
    if (type == null) {
      throw errors.at(path, "!Ref " + name + ": the template has no parameter or resource " + name);
    }
    Kind kind = kind(name, "!Ref " + name, path);
    return switch (kind.ref()) {
      case "arn" -> arn(name, type, path);
      case "url" -> queueUrl(name, path);
      default -> name(name, path);
    };
  }

  private String getAtt(String target, String path) {
    int dot = target.indexOf('.');
    String id = dot > 0 ? target.substring(0, dot) : target;
    String attribute = dot > 0 ? target.substring(dot + 1) : "";
    String type = types.get(id);
    if (type == null) {
      throw errors.at(path, "!GetAtt " + target + ": the template has no resource " + id);
    }
    Kind kind = kind(id, "!GetAtt " + target, path);
    if (!kind.attributes().contains(attribute)) {
      throw errors.at(path, "!GetAtt " + target + " cannot be resolved offline: " + type + " " + id
          + " has no attribute '" + attribute + "' here (it has " + String.join(", ", kind.attributes()) + ")");
    }
    String name = name(id, path);
    JsonNode props = root.path("Resources").path(id).path("Properties");
    return switch (attribute) {
      case "Arn", "TopicArn" -> arn(id, type, path);
      case "StreamArn" -> {
        if (!props.has("StreamSpecification")) {
          throw errors.at(path, "!GetAtt " + target + ": table " + id + " has no StreamSpecification, so no stream");
        }
        yield arn(id, type, path) + "/stream/1970-01-01T00:00:00.000";
      }
      case "QueueUrl" -> queueUrl(id, path);
      case "DomainName" -> name + ".s3.amazonaws.com";
      case "RegionalDomainName" -> name + ".s3." + region + ".amazonaws.com";
      case "DualStackDomainName" -> name + ".s3.dualstack." + region + ".amazonaws.com";
      case "Type" -> props.has("Type") ? resolve(props.get("Type"), "Resources." + id + ".Properties.Type") : "String";
      case "Value" -> resolve(props.path("Value"), "Resources." + id + ".Properties.Value");
      default -> name; // Name, QueueName, TopicName
    };
  }

  private Kind kind(String id, String what, String path) {
    Kind kind = KINDS.get(types.get(id));
    if (kind == null) {
      throw errors.at(path, what + " cannot be resolved offline: local-runtime does not name " + types.get(id)
          + " resources (" + id + "); use a literal value");
    }
    return kind;
  }

  /** The resource's physical name: its name property, or the one CloudFormation would generate. */
  String name(String id, String path) {
    String type = types.get(id);
    Kind kind = KINDS.get(type);
    JsonNode props = root.path("Resources").path(id).path("Properties");
    if (kind != null && props.has(kind.nameProperty())) {
      return resolve(props.get(kind.nameProperty()), "Resources." + id + ".Properties." + kind.nameProperty());
    }
    String suffix = suffix(id);
    return switch (type) {
      case SamTemplateCheck.SERVERLESS_FUNCTION, SamTemplateCheck.LAMBDA_FUNCTION -> id;
      case SamTemplateCheck.SERVERLESS_STATE_MACHINE, "AWS::StepFunctions::StateMachine" -> id + "-" + suffix;
      case "AWS::S3::Bucket" -> (stackName + "-" + id + "-" + suffix).toLowerCase(Locale.ROOT);
      case "AWS::SSM::Parameter" -> "CFN-" + id + "-" + suffix;
      case "AWS::SQS::Queue" -> stackName + "-" + id + "-" + suffix
          + (props.path("FifoQueue").asBoolean(false) ? ".fifo" : "");
      case "AWS::SNS::Topic" -> stackName + "-" + id + "-" + suffix
          + (props.path("FifoTopic").asBoolean(false) ? ".fifo" : "");
      case "AWS::Events::EventBus" -> throw errors.at("Resources." + id + ".Properties",
          "event bus " + id + " has no Name (CloudFormation requires one)");
      default -> stackName + "-" + id + "-" + suffix;
    };
  }

  private String arn(String id, String type, String path) {
    String name = name(id, path);
    String p = partition();
    return switch (type) {
      case SamTemplateCheck.SERVERLESS_FUNCTION, SamTemplateCheck.LAMBDA_FUNCTION ->
          "arn:" + p + ":lambda:" + region + ":" + account + ":function:" + name;
      case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" ->
          "arn:" + p + ":dynamodb:" + region + ":" + account + ":table/" + name;
      case "AWS::SNS::Topic" -> "arn:" + p + ":sns:" + region + ":" + account + ":" + name;
      case "AWS::SQS::Queue" -> "arn:" + p + ":sqs:" + region + ":" + account + ":" + name;
      case "AWS::S3::Bucket" -> "arn:" + p + ":s3:::" + name;
      case "AWS::Events::EventBus" -> "arn:" + p + ":events:" + region + ":" + account + ":event-bus/" + name;
      case SamTemplateCheck.SERVERLESS_STATE_MACHINE, "AWS::StepFunctions::StateMachine" ->
          "arn:" + p + ":states:" + region + ":" + account + ":stateMachine:" + name;
      case "AWS::IAM::Role" -> "arn:" + p + ":iam::" + account + ":role/" + name;
      case "AWS::Logs::LogGroup" -> "arn:" + p + ":logs:" + region + ":" + account + ":log-group:" + name + ":*";
      case "AWS::Kinesis::Stream" -> "arn:" + p + ":kinesis:" + region + ":" + account + ":stream/" + name;
      default -> throw errors.at(path, "no ARN for " + type + " " + id + " offline");
    };
  }

  private String queueUrl(String id, String path) {
    return "https://sqs." + region + "." + ref("AWS::URLSuffix", path) + "/" + account + "/" + name(id, path);
  }

  private String partition() {
    return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  /** 13 upper-case letters and digits from the stack and the logical id: the same on every run. */
  private String suffix(String id) {
    byte[] hash = sha256(stackName + "/" + id);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 13; i++) {
      s.append(alphabet.charAt((hash[i] & 0xff) % alphabet.length()));
    }
    return s.toString();
  }

  private static String uuid(String seed) {
    return java.util.UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(p -> parts.add(p.asText()));
    return String.join(".", parts);
  }
}
