package com.example.workshop.runtime.sfn.internal.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.example.workshop.runtime.sfn.internal.asl.Ids;
import com.example.workshop.runtime.sfn.internal.asl.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/** The functions Step Functions adds to JSONata: $partition, $range, $hash, $parse, $random, $uuid. */
final class AwsFunctions {
  private AwsFunctions() {}

  private static Jsonata.JFunction fn(String name, Jsonata.FnVarArgs<Object> body) {
    return Jsonata.function(name, body, null);
  }

  private static final Jsonata.JFunction PARTITION = fn("partition", AwsFunctions::partition);
  private static final Jsonata.JFunction RANGE = fn("range", AwsFunctions::range);
  private static final Jsonata.JFunction HASH = fn("hash", AwsFunctions::hash);
  private static final Jsonata.JFunction PARSE = fn("parse", AwsFunctions::parse);

  /** $random and $uuid draw from the execution's (seedable) random source. */
  static void bind(Jsonata.Frame frame, RandomGenerator random) {
    frame.bind("partition", PARTITION);
    frame.bind("range", RANGE);
    frame.bind("hash", HASH);
    frame.bind("parse", PARSE);
    frame.bind("random", fn("random", (List<?> a) -> a.isEmpty() || a.get(0) == null
        ? random.nextDouble() : new java.util.Random(((Number) a.get(0)).longValue()).nextDouble()));
    frame.bind("uuid", fn("uuid", (List<?> a) -> Ids.uuid(random)));
  }

  private static Object partition(List<?> args) {
    List<?> items = args.get(0) instanceof List<?> l ? l : List.of(args.get(0));
    int size = ((Number) args.get(1)).intValue();
    if (size < 1) {
      throw new IllegalArgumentException("$partition: the chunk size must be at least 1");
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size))));
    }
    return out;
  }

  private static Object range(List<?> args) {
    double start = ((Number) args.get(0)).doubleValue();
    double end = ((Number) args.get(1)).doubleValue();
    double step = ((Number) args.get(2)).doubleValue();
    if (step == 0) {
      throw new IllegalArgumentException("$range: the step must not be 0");
    }
    Utils.JList<Object> out = new Utils.JList<>();
    out.sequence = true; // a one-item result unwraps to the item, as AWS shows
    for (double v = start; step > 0 ? v <= end : v >= end; v += step) {
      out.add(v == Math.rint(v) ? (Object) (long) v : v);
    }
    return out;
  }

  private static Object hash(List<?> args) {
    String algorithm = String.valueOf(args.get(1));
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(
          md.digest(String.valueOf(args.get(0)).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("$hash: unknown algorithm '" + algorithm
          + "' (use MD5, SHA-1, SHA-256, SHA-384 or SHA-512)");
    }
  }

  private static Object parse(List<?> args) {
    return JsonataValues.toJava(Json.parse(String.valueOf(args.get(0))));
  }
}
