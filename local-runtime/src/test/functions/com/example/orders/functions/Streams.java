package com.example.orders.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Stream handlers: the bytes they write are the response, JSON or not. */
public final class Streams {
  private Streams() {}

  public static class Echo implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      in.transferTo(out);
    }
  }

  public static class Methods {
    public void upper(InputStream in, OutputStream out) throws IOException {
      out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
    }

    public void text(InputStream in, OutputStream out, Context context) throws IOException {
      out.write("order accepted\n".getBytes(StandardCharsets.UTF_8));
    }

    public void silent(InputStream in, OutputStream out) {
    }

    public void readOnly(InputStream in) throws IOException {
      in.readAllBytes();
    }

    public void writeOnly(OutputStream out) throws IOException {
      out.write("{\"written\":true}".getBytes(StandardCharsets.UTF_8));
    }

    public void half(InputStream in, OutputStream out) throws IOException {
      out.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full after 11 bytes");
    }
  }
}
