package com.example.workshop.runtime.lambda;

/**
 * Instruction set a function runs on, with its on-demand duration price. Prices are AWS Lambda's
 * published on-demand rates for US East (N. Virginia), first pricing tier (the first 6 billion
 * GB-seconds a month on x86, 7.5 billion on Arm): https://aws.amazon.com/lambda/pricing/ , read
 * 2026-11-27. Requests cost the same on both: $0.20 per million.
 */
public enum Architecture {
  X86_64("x86_64", 0.0000166667),
  ARM64("arm64", 0.0000133334);

  /** USD per request (USD 0.20 per 1M requests). */
  public static final double PRICE_PER_REQUEST_USD = 0.20 / 1_000_000;

  private final String id;
  private final double pricePerGbSecondUsd;

  Architecture(String id, double pricePerGbSecondUsd) {
    this.id = id;
    this.pricePerGbSecondUsd = pricePerGbSecondUsd;
  }

  /** The name used by SAM and the Lambda API: {@code x86_64} or {@code arm64}. */
  public String id() {
    return id;
  }

  public double pricePerGbSecondUsd() {
    return pricePerGbSecondUsd;
  }

  /** Parses {@code x86_64} or {@code arm64} (case-insensitive). */
  public static Architecture fromId(String id) {
    for (Architecture a : values()) {
      if (a.id.equalsIgnoreCase(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("architecture must be x86_64 or arm64, got '" + id + "'");
  }
}
