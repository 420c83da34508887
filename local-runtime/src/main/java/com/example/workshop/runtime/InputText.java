package com.example.workshop.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the text a command is given (a definition, an execution input, an event, a template) from
 * a file or from standard input ({@code -}): UTF-8 only, never more than a limit, every problem a
 * {@link UsageException} naming the file.
 */
final class InputText {
  /** What a text may weigh, and the sentence that says so when it weighs more. */
  record Limit(long bytes, String rule) {
    /** For files the CLI reads but AWS never sees whole (definitions, templates, mock files). */
    static final Limit FILE = new Limit(16L << 20, "local-runtime reads files of at most 16 MiB");
  }

  private InputText() {}

  static String read(String fileOrDash, String what, InputStream stdin, Limit limit) {
    byte[] bytes;
    String source;
    try {
      if (fileOrDash.equals("-")) {
        source = "standard input";
        bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit.bytes() + 1));
        if (bytes.length > limit.bytes()) {
          throw new UsageException(what + " on standard input is larger than " + limit.bytes() + " bytes; "
              + limit.rule());
        }
      } else {
        source = what + " file " + fileOrDash;
        Path path = path(fileOrDash, what);
        if (Files.isDirectory(path)) {
          throw new UsageException(what + " " + fileOrDash + " is a folder; give a file");
        }
        if (!Files.isRegularFile(path)) {
          throw new UsageException(what + " file not found: " + fileOrDash);
        }
        long size = Files.size(path);
        if (size > limit.bytes()) {
          throw new UsageException(source + " is " + size + " bytes; " + limit.rule());
        }
        bytes = Files.readAllBytes(path);
      }
    } catch (IOException e) {
      throw new UsageException("cannot read " + what + " " + fileOrDash + ": " + e.getMessage());
    }
    return utf8(bytes, source);
  }

  static Path path(String file, String what) {
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      throw new UsageException(what + " path is not usable: '" + file + "' (" + e.getReason() + ")");
    }
  }

  /** Strict UTF-8: a byte that is not UTF-8 is an error naming its offset, never a silent U+FFFD. */
  static String utf8(byte[] bytes, String source) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new UsageException(source + " is not UTF-8 text: the byte at offset " + in.position()
          + " is not valid UTF-8 (save it as UTF-8)");
    }
    return out.flip().toString();
  }
}
