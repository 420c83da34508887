package com.example.workshop.triggers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a SAM/CloudFormation template into a JSON tree. The short intrinsic tags become their long
 * form, as CloudFormation reads them: {@code !Ref X} is {"Ref": "X"}, {@code !GetAtt A.B} is
 * {"Fn::GetAtt": ["A", "B"]}, {@code !Sub s} is {"Fn::Sub": "s"} and so on.
 */
final class SamTemplate {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SamTemplate() {}

  static JsonNode read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static JsonNode parse(String yaml, String source) {
    try (YAMLParser parser = (YAMLParser) YAML.createParser(yaml)) {
      if (parser.nextToken() == null) {
        throw new IllegalArgumentException(source + ": the template is empty");
      }
      return value(parser);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(
          source + (at == null ? "" : ": line " + at.getLineNr()) + ": " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(source, e);
    }
  }

  private static JsonNode value(YAMLParser p) throws IOException {
    String tag = p.getTypeId();
    JsonToken token = p.currentToken();
    JsonNode node;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          object.set(name, value(p));
        }
        node = object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(p));
        }
        node = array;
      }
      case VALUE_STRING -> node = NODES.textNode(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> node = NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE, VALUE_FALSE -> node = NODES.booleanNode(p.getBooleanValue());
      case VALUE_NULL -> node = NODES.nullNode();
      default -> throw new IllegalStateException("unexpected YAML token " + token);
    }
    return tag == null || tag.startsWith("tag:") ? node : intrinsic(tag, node);
  }

  private static JsonNode intrinsic(String tag, JsonNode argument) {
    String name = tag.replaceFirst("^!+", "");
    ObjectNode call = NODES.objectNode();
    if (name.equals("Ref") || name.equals("Condition")) {
      call.set(name, argument);
    } else if (name.equals("GetAtt") && argument.isTextual()) {
      String text = argument.asText();
      int dot = text.indexOf('.');
      ArrayNode pair = NODES.arrayNode();
      pair.add(dot < 0 ? text : text.substring(0, dot));
      pair.add(dot < 0 ? "" : text.substring(dot + 1));
      call.set("Fn::GetAtt", pair);
    } else {
      call.set("Fn::" + name, argument);
    }
    return call;
  }

  /** The resources of the given Type, by logical id, in template order. */
  static List<Map.Entry<String, JsonNode>> resources(JsonNode template, String type) {
    List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> resource = it.next();
      if (type.equals(resource.getValue().path("Type").asText())) {
        found.add(resource);
      }
    }
    return found;
  }
}
