package com.example.workshop.runtime.sfn.internal.model;

import com.example.workshop.runtime.sfn.internal.asl.ErrorNames;
import com.example.workshop.runtime.sfn.internal.query.CatcherIo;
import java.util.List;

/** One Catch entry: the errors it takes, where it goes, and what it makes of the error output. */
public record Catcher(List<String> errorEquals, String next, CatcherIo io) {
  public Catcher {
    errorEquals = List.copyOf(errorEquals);
  }

  public boolean matches(String error) {
    return ErrorNames.matches(errorEquals, error);
  }
}
