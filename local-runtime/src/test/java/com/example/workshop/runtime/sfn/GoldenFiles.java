package com.example.workshop.runtime.sfn;

import com.example.workshop.runtime.sfn.internal.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** Loads golden test tables: a JSON array of case objects, each with a "name". */
public final class GoldenFiles {
  /** The engine's mapper: decimals are read as the exact BigDecimal an execution would see. */
  public static final ObjectMapper MAPPER = Json.MAPPER;

  private GoldenFiles() {}

  public static Stream<Arguments> cases(String resource) {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : load(resource)) {
      out.add(Arguments.of(Named.of(c.path("name").asText(), c)));
    }
    return out.stream();
  }

  public static JsonNode load(String resource) {
    try (InputStream in = GoldenFiles.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
