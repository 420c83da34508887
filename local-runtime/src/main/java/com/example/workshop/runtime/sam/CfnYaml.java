package com.example.workshop.runtime.sam;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM template written in YAML. Short-form intrinsic tags become their
 * long form ({@code !Ref X} → {"Ref": "X"}, {@code !GetAtt A.Arn} → {"Fn::GetAtt": "A.Arn"},
 * {@code !Sub s} → {"Fn::Sub": s}), as CloudFormation itself does. Every node's line is kept by
 * its dotted path (for example {@code Resources.OrderFn.Properties.Handler}) for messages.
 */
final class CfnYaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The parsed template and the 1-based line of each path. */
  record Parsed(JsonNode root, Map<String, Integer> lines, List<String> duplicateKeys) {
    int line(String path) {
      return lines.getOrDefault(path, 0);
    }
  }

  private final YAMLParser parser;
  private final Map<String, Integer> lines = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();

  private CfnYaml(YAMLParser parser) {
    this.parser = parser;
  }

  static Parsed parse(String text) throws IOException {
    try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
      CfnYaml reader = new CfnYaml(p);
      JsonToken first = p.nextToken();
      if (first == null) {
        return new Parsed(NODES.objectNode(), Map.of(), List.of());
      }
      JsonNode root = reader.value("");
      return new Parsed(root, Map.copyOf(reader.lines), List.copyOf(reader.duplicates));
    }
  }

  /** Reads the value at the current token (already advanced to). */
  private JsonNode value(String path) throws IOException {
    lines.putIfAbsent(path, parser.currentLocation().getLineNr());
    String tag = parser.getTypeId();
    JsonNode plain = plainValue(path);
    if (tag == null || tag.isEmpty() || tag.startsWith("tag:yaml.org")) {
      return plain;
    }
    ObjectNode intrinsic = NODES.objectNode();
    intrinsic.set(tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag, plain);
    return intrinsic;
  }

  private JsonNode plainValue(String path) throws IOException {
    JsonToken t = parser.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode obj = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = path.isEmpty() ? name : path + "." + name;
          if (obj.has(name)) {
            duplicates.add(child + "@" + parser.currentLocation().getLineNr());
          }
          lines.putIfAbsent(child, parser.currentLocation().getLineNr());
          parser.nextToken();
          obj.set(name, value(child));
        }
        return obj;
      }
      case START_ARRAY -> {
        ArrayNode arr = NODES.arrayNode();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          arr.add(value(path + "[" + i++ + "]"));
        }
        return arr;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new IOException("unexpected YAML token " + t);
    }
  }
}
