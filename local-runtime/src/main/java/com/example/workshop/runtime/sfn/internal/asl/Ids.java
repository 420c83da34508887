package com.example.workshop.runtime.sfn.internal.asl;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Version 4 UUIDs drawn from the execution's (seedable) random source. */
public final class Ids {
  private Ids() {}

  public static String uuid(RandomGenerator random) {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }
}
