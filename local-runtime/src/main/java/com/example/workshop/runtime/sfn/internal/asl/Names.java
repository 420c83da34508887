package com.example.workshop.runtime.sfn.internal.asl;

import java.util.regex.Pattern;

/** AWS's rules for the names and identifiers that go into ARNs, with AWS's error wording. */
public final class Names {
  /**
   * What a state machine or execution name must not contain (API reference, CreateStateMachine and
   * StartExecution "name"): whitespace, brackets, wildcards, these special characters, controls.
   */
  private static final Pattern FORBIDDEN =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  /** us-east-1, eu-central-2, us-gov-west-1, ap-southeast-5, ... */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  private Names() {}

  /** An execution or state machine name, 1 to 80 characters, none of them forbidden. */
  public static String checkName(String name) {
    if (name.isEmpty() || name.length() > 80) {
      throw new IllegalArgumentException("ValidationException: 1 validation error detected: Value '"
          + name + "' at 'name' failed to satisfy constraint: Member must have length "
          + (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to 80"));
    }
    if (FORBIDDEN.matcher(name).find()) {
      throw new IllegalArgumentException("InvalidName: Invalid Name: '" + name + "' (a name has no"
          + " whitespace, no < > { } [ ] ? * \" # % \\ ^ | ~ ` $ & , ; : / and no control"
          + " characters)");
    }
    return name;
  }

  public static String checkAccountId(String accountId) {
    if (!ACCOUNT.matcher(accountId).matches()) {
      throw new IllegalArgumentException("InvalidArn: Invalid Arn: the account ID '" + accountId
          + "' is not 12 digits (such as 123456789012)");
    }
    return accountId;
  }

  public static String checkRegion(String region) {
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("InvalidArn: Invalid Arn: '" + region + "' is not an AWS"
          + " Region code (such as us-east-1 or eu-central-1)");
    }
    return region;
  }
}
