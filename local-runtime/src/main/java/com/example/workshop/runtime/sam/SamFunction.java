package com.example.workshop.runtime.sam;

import java.util.Map;

/**
 * A function of a SAM template as Lambda would run it, Globals.Function filled in and Lambda's
 * defaults (3 s, 128 MB) where neither says otherwise.
 *
 * @param logicalId the resource's logical id
 * @param handler {@code pkg.Class::method} or {@code pkg.Class}
 * @param codeUri the deployment package (a .zip or a folder) relative to the template, or null when
 *     it is not a local path
 * @param timeoutSeconds the function's timeout
 * @param memoryMb the function's memory size
 * @param environment the function's environment variables, intrinsic functions resolved
 */
public record SamFunction(String logicalId, String handler, String codeUri, int timeoutSeconds, int memoryMb,
    Map<String, String> environment) {
  public SamFunction {
    environment = Map.copyOf(environment);
  }
}
