package com.example.orders.fulfilment;

/** Where an order is shipped. */
public record Address(String name, String city, String country) {}
