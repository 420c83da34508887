package com.example.workshop.runtime.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;

/**
 * Picks the serializer the Lambda Java runtime would use for a handler's input or output type:
 * the aws-lambda-java-events types listed in {@code LambdaEventSerializers.SUPPORTED_EVENTS} get
 * their dedicated serializers (mix-ins for "Records", "Sns", ..., org.json for S3); everything
 * else goes through the runtime's own relocated Jackson ({@code JacksonFactory}), which is why
 * your com.fasterxml annotations such as {@code @JsonProperty} have no effect.
 */
final class Serializers {
  private Serializers() {}

  @SuppressWarnings("unchecked")
  static PojoSerializer<Object> forType(Type type, ClassLoader loader) {
    if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, loader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }
}
