package com.example.workshop.runtime;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command reads standard input and writes its answer (out) and its messages (err). */
record Streams(InputStream in, PrintStream out, PrintStream err) {}
