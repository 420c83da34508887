package com.example.workshop.triggers;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Serializes a handler's answer the way the Lambda Java runtime does for non-event types. */
final class RuntimeJson {
  private RuntimeJson() {}

  @SuppressWarnings("unchecked")
  static <T> String toJson(T value) {
    PojoSerializer<T> serializer =
        (PojoSerializer<T>) JacksonFactory.getInstance().getSerializer(value.getClass());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.toJson(value, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
