package com.example.orders.hello;

import java.math.BigDecimal;

/** The typed response: the runtime serialises it to JSON, leaving out null components. */
public record OrderConfirmation(String orderId, String status, BigDecimal amount, int itemCount, String message) {}
