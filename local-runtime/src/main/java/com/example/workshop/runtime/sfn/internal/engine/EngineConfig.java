package com.example.workshop.runtime.sfn.internal.engine;

import java.time.Clock;
import java.util.function.Function;

/**
 * What every execution of one LocalStepFunctions shares: the bound functions (by plain name; null
 * for an unbound one), the mock file, time, identity, the history quota, the task tokens and the
 * S3 objects ItemReaders read.
 */
public record EngineConfig(Function<String, FunctionRunner> functions, MockConfig mockConfig,
    Clock clock, boolean realTime, String accountId, String region, String roleArn,
    int historyLimit, TaskTokens tokens, S3Objects s3) {}
