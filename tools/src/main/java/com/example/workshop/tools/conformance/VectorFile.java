package com.example.workshop.tools.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of recorded vectors: its path inside the vector folder ({@code group/name.json}) and
 * its content. Files of ../shared/conformance-next carry a {@code requires} list.
 */
record VectorFile(String path, JsonNode doc) {
  /** What a harness must provide beyond "run this definition on this input". */
  List<String> requires() {
    List<String> out = new ArrayList<>();
    doc.path("requires").forEach(r -> out.add(r.asText()));
    return out;
  }

  JsonNode cases() {
    return doc.path("cases");
  }

  String group() {
    int slash = path.indexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
