package com.example.workshop.runtime.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ReportTest {

  @ParameterizedTest(name = "{0} MB {1}, {2} ms + init {3} -> billed {4} ms, ${5}")
  @CsvFileSource(resources = "/lambda/billing.psv", delimiter = '|', commentCharacter = '#')
  @DisplayName("billing rounds up to 1 ms, bills INIT on a cold start, and prices GB-seconds per architecture")
  void billsLikeLambda(int memoryMb, String arch, double durationMs, Double initMs, long billedMs, double costUsd) {
    long billed = Report.billedMs(durationMs, initMs);
    assertEquals(billedMs, billed);
    Report report = new Report("r-1", durationMs, billed, memoryMb, 80, initMs, false, null, Architecture.fromId(arch));
    assertEquals(costUsd, report.costUsd(), costUsd * 1e-9);
  }

  @Test
  @DisplayName("the REPORT line has Lambda's fields, tab separated, Init Duration only on a cold start")
  void reportLineFormat() {
    Report cold = new Report("8f5e", 12.345, 426, 512, 91, 413.2, false, null, Architecture.ARM64);
    assertEquals("REPORT RequestId: 8f5e\tDuration: 12.35 ms\tBilled Duration: 426 ms\tMemory Size: 512 MB\t"
        + "Max Memory Used: 91 MB\tInit Duration: 413.20 ms\t", cold.toLogLine());
    Report warm = new Report("8f5e", 3.1, 4, 512, 91, null, false, null, Architecture.ARM64);
    assertEquals("REPORT RequestId: 8f5e\tDuration: 3.10 ms\tBilled Duration: 4 ms\tMemory Size: 512 MB\t"
        + "Max Memory Used: 91 MB\t", warm.toLogLine());
  }

  @Test
  @DisplayName("a timed-out invocation says Status: timeout")
  void timeoutStatus() {
    Report report = new Report("r", 3000, 3000, 128, 60, null, true, null, Architecture.X86_64);
    assertEquals("REPORT RequestId: r\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\t"
        + "Max Memory Used: 60 MB\tStatus: timeout", report.toLogLine());
  }

  @Test
  @DisplayName("the cost line shows the arithmetic behind the price")
  void costLine() {
    Report report = new Report("r", 12.34, 13, 128, 60, null, false, null, Architecture.X86_64);
    assertEquals("COST RequestId: r\t$0.0000002271 USD = 1 request x $0.20/1M + 0.1250 GB x 0.013 s"
        + " x $0.0000166667/GB-s (x86_64)", report.toCostLine());
  }
}
