package com.example.orders.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers on plain objects, records, maps, scalars, dates and binary: what the runtime's Jackson reads and writes. */
public final class Orders {
  private Orders() {}

  /** A JavaBean: getters and setters. */
  public static class Order {
    private String orderId;
    private int quantity;
    private double amount;
    private boolean express;
    private List<String> tags;
    private Map<String, Object> attributes;
    private Order parent;

    public String getOrderId() { return orderId; }
    public void setOrderId(String orderId) { this.orderId = orderId; }
    public int getQuantity() { return quantity; }
    public void setQuantity(int quantity) { this.quantity = quantity; }
    public double getAmount() { return amount; }
    public void setAmount(double amount) { this.amount = amount; }
    public boolean isExpress() { return express; }
    public void setExpress(boolean express) { this.express = express; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
    public Map<String, Object> getAttributes() { return attributes; }
    public void setAttributes(Map<String, Object> attributes) { this.attributes = attributes; }
    public Order getParent() { return parent; }
    public void setParent(Order parent) { this.parent = parent; }
  }

  public static class PlaceOrder implements RequestHandler<Order, Order> {
    @Override
    public Order handleRequest(Order order, Context context) {
      if (order != null) {
        order.setQuantity(order.getQuantity() * 2);
      }
      return order;
    }
  }

  /** Public fields only: the runtime's Jackson sees no properties. */
  public static class Fields {
    public String orderId;
    public int quantity;
  }

  public static class FieldsEcho implements RequestHandler<Fields, Fields> {
    @Override
    public Fields handleRequest(Fields in, Context context) {
      return in;
    }
  }

  public record OrderLine(String sku, int quantity, BigDecimal price) {}

  public record OrderRecord(String orderId, List<OrderLine> lines, boolean express) {}

  public static class RecordEcho implements RequestHandler<OrderRecord, OrderRecord> {
    @Override
    public OrderRecord handleRequest(OrderRecord order, Context context) {
      return order;
    }
  }

  public static class MapEcho implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
      return event;
    }
  }

  public static class ObjectEcho implements RequestHandler<Object, Object> {
    @Override
    public Object handleRequest(Object event, Context context) {
      return event;
    }
  }

  public static class Total implements RequestHandler<List<Integer>, Integer> {
    @Override
    public Integer handleRequest(List<Integer> quantities, Context context) {
      int sum = 0;
      for (Integer q : quantities) {
        sum += q;
      }
      return sum;
    }
  }

  /** The Context values both runtimes set from the same function settings. */
  public static class Describe implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("functionName", context.getFunctionName());
      out.put("memoryLimitInMB", context.getMemoryLimitInMB());
      out.put("functionVersion", context.getFunctionVersion());
      out.put("invokedFunctionArn", context.getInvokedFunctionArn());
      out.put("logGroupName", context.getLogGroupName());
      out.put("remainingPositive", context.getRemainingTimeInMillis() > 0);
      return out;
    }
  }

  /** Named methods: static and instance, scalar inputs and outputs. */
  public static class Methods {
    public static String upper(String text) { return text == null ? null : text.toUpperCase(); }
    public int twice(int n) { return n * 2; }
    public Integer boxed(Integer n) { return n == null ? null : n + 1; }
    public double half(double d) { return d / 2; }
    public boolean not(boolean b) { return !b; }
    public BigDecimal price(BigDecimal amount) { return amount == null ? null : amount.add(BigDecimal.ONE); }
    public void accept(Map<String, Object> event) { }
    public String noArgs() { return "no input"; }
    public String contextOnly(Context context) { return context.getFunctionName(); }
    public List<String> words(String text) { return List.of(text.split(" ")); }
  }

  /** java.util.Date and java.time fields, as the runtime's Jackson (JavaTimeModule) writes them. */
  public static class Dated {
    private Date placedAt;
    private Instant shippedAt;
    private LocalDate due;
    private OffsetDateTime promised;

    public Date getPlacedAt() { return placedAt; }
    public void setPlacedAt(Date placedAt) { this.placedAt = placedAt; }
    public Instant getShippedAt() { return shippedAt; }
    public void setShippedAt(Instant shippedAt) { this.shippedAt = shippedAt; }
    public LocalDate getDue() { return due; }
    public void setDue(LocalDate due) { this.due = due; }
    public OffsetDateTime getPromised() { return promised; }
    public void setPromised(OffsetDateTime promised) { this.promised = promised; }
  }

  public static class DatedEcho implements RequestHandler<Dated, Dated> {
    @Override
    public Dated handleRequest(Dated in, Context context) {
      return in;
    }
  }

  /** Dates made by the handler, as the runtime's Jackson writes them. */
  public static class Stamp {
    public Dated dated() {
      Dated d = new Dated();
      d.setPlacedAt(new Date(1767225600123L));
      d.setShippedAt(Instant.ofEpochSecond(1767225600L, 123456789));
      d.setDue(LocalDate.of(2026, 12, 24));
      d.setPromised(OffsetDateTime.parse("2026-12-24T18:00:00+09:00"));
      return d;
    }
  }

  /** byte[] and ByteBuffer travel as base64 strings. */
  public static class Blob {
    private byte[] data;
    private ByteBuffer buffer;

    public byte[] getData() { return data; }
    public void setData(byte[] data) { this.data = data; }
    public ByteBuffer getBuffer() { return buffer; }
    public void setBuffer(ByteBuffer buffer) { this.buffer = buffer; }
  }

  public static class BlobEcho implements RequestHandler<Blob, Blob> {
    @Override
    public Blob handleRequest(Blob in, Context context) {
      return in;
    }
  }

  public static class Bytes {
    public byte[] raw(String text) { return text.getBytes(java.nio.charset.StandardCharsets.UTF_8); }
  }

  /** A response Jackson cannot write: a getter that throws. */
  public static class Unwritable implements RequestHandler<Map<String, Object>, Unwritable.Broken> {
    public static class Broken {
      public String getValue() { throw new IllegalStateException("no value yet"); }
    }

    @Override
    public Broken handleRequest(Map<String, Object> event, Context context) {
      return new Broken();
    }
  }

  /** A list that grows: static state survives warm invocations in both runtimes. */
  public static class Counter implements RequestHandler<Map<String, Object>, List<Integer>> {
    private static final List<Integer> SEEN = new ArrayList<>();

    @Override
    public List<Integer> handleRequest(Map<String, Object> event, Context context) {
      SEEN.add(SEEN.size() + 1);
      return SEEN;
    }
  }
}
