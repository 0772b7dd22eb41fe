package io.stagebench.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps the last lines of a build's output, split on newlines as they stream in. */
final class LogTail {
  private final int max;
  private final Deque<String> lines = new ArrayDeque<>();
  private final StringBuilder partial = new StringBuilder();

  LogTail(int max) {
    this.max = max;
  }

  synchronized void append(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        push(partial.toString());
        partial.setLength(0);
      } else if (c != '\r') {
        partial.append(c);
      }
    }
  }

  private void push(String line) {
    if (line.isBlank()) {
      return;
    }
    lines.addLast(line);
    while (lines.size() > max) {
      lines.removeFirst();
    }
  }

  synchronized List<String> lines() {
    List<String> out = new ArrayList<>(lines);
    if (!partial.toString().isBlank()) {
      out.add(partial.toString());
    }
    return out.size() > max ? out.subList(out.size() - max, out.size()) : out;
  }
}
