/**
 * Workshop only: the failures a class acts out, kept out of the handlers a team would copy.
 *
 * <p>{@link com.example.orders.fulfilment.classroom.ClassroomFaults} runs the lesson's handlers
 * with stand-ins for the warehouse, the payment provider and the carrier that fail as an order's
 * {@code "simulate"} list says. template.yaml points ReserveInventory, ChargePayment and ShipOrder
 * here only when the stack is deployed with {@code ClassroomFaults=on}; offline, the tests and the
 * main job load the template the same way. In a project of your own, delete this package and the
 * template's ClassroomFaults parameter.
 */
package com.example.orders.fulfilment.classroom;
