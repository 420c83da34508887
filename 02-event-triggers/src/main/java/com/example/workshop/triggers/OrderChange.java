package com.example.workshop.triggers;

/**
 * One change of the orders table, read from its stream. {@code before} is null for a new order,
 * {@code after} is null for a deleted or expired one (a REMOVE record has no NewImage).
 */
public record OrderChange(
    Kind kind, String orderId, String eventId, String sequenceNumber, Order before, Order after) {

  public enum Kind {
    /** INSERT. */
    CREATED,
    /** MODIFY. */
    UPDATED,
    /** REMOVE by a user or an application. */
    DELETED,
    /** REMOVE by DynamoDB's time to live: userIdentity is the dynamodb.amazonaws.com service. */
    EXPIRED
  }
}
