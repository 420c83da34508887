package com.example.workshop.orders;

/** Where an order is shipped. */
public record Address(String name, String city, String country) {}
