package com.example.workshop.runtime.sfn.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Workflow variables of one scope (the machine, a Parallel branch, a Map iteration). Reads fall
 * through to the enclosing scopes; assignments stay in this one.
 */
final class Variables extends AbstractMap<String, JsonNode> {
  private final Variables parent;
  private Map<String, JsonNode> own;

  Variables(Variables parent) {
    this.parent = parent;
  }

  @Override
  public JsonNode get(Object name) {
    for (Variables v = this; v != null; v = v.parent) {
      if (v.own != null) {
        JsonNode value = v.own.get(name);
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  /** The values this scope assigned itself (not its parents'). */
  Map<String, JsonNode> own() {
    return own == null ? Map.of() : own;
  }

  void assign(Map<String, JsonNode> values) {
    if (own == null) {
      own = new HashMap<>();
    }
    own.putAll(values);
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    Map<String, JsonNode> all = parent == null ? new HashMap<>() : new HashMap<>(parent);
    if (own != null) {
      all.putAll(own);
    }
    return all.entrySet();
  }
}
