package com.example.orders.workflow;

import java.math.BigDecimal;

/** One line of an order, as it travels in the workflow's JSON. */
public record OrderItem(String sku, int quantity, BigDecimal unitPrice) {}
