package io.stagebench.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Decodes the {@code aux} payload of BuildKit's {@code moby.buildkit.trace} messages: base64 of a
 * protobuf {@code moby.buildkit.v1.StatusResponse}. Only the fields stagebench uses are read; all
 * other fields are skipped by wire type, so newer engines with more fields decode as well.
 *
 * <pre>
 * StatusResponse { repeated Vertex vertexes = 1; repeated VertexStatus statuses = 2; repeated VertexLog logs = 3; }
 * Vertex { string digest = 1; repeated string inputs = 2; string name = 3; bool cached = 4;
 *          Timestamp started = 5; Timestamp completed = 6; string error = 7; }
 * VertexLog { string vertex = 1; Timestamp timestamp = 2; int64 stream = 3; bytes msg = 4; }
 * Timestamp { int64 seconds = 1; int32 nanos = 2; }
 * </pre>
 */
public final class BuildKitTraceDecoder {
  private BuildKitTraceDecoder() {}

  /** A vertex update; timestamps are nanoseconds since the epoch, or -1 when not set. */
  public record Vertex(String digest, List<String> inputs, String name, boolean cached,
      long startedNanos, long completedNanos, String error) {}

  /** A chunk of a vertex's output. */
  public record Log(String vertex, long stream, String msg) {}

  /** One decoded status message. */
  public record Status(List<Vertex> vertexes, List<Log> logs) {}

  /** Decodes the base64 text of an {@code aux} value. */
  public static Status decodeBase64(String aux) {
    return decode(Base64.getDecoder().decode(aux.trim()));
  }

  /** Decodes a serialized {@code StatusResponse}. */
  public static Status decode(byte[] bytes) {
    Reader r = new Reader(bytes, 0, bytes.length);
    List<Vertex> vertexes = new ArrayList<>();
    List<Log> logs = new ArrayList<>();
    while (r.more()) {
      long key = r.varint();
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (field == 1 && wire == 2) {
        vertexes.add(vertex(r.sub()));
      } else if (field == 3 && wire == 2) {
        logs.add(log(r.sub()));
      } else {
        r.skip(wire);
      }
    }
    return new Status(vertexes, logs);
  }

  private static Vertex vertex(Reader r) {
    String digest = "";
    String name = "";
    String error = "";
    boolean cached = false;
    long started = -1;
    long completed = -1;
    List<String> inputs = new ArrayList<>();
    while (r.more()) {
      long key = r.varint();
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      switch (field) {
        case 1 -> { if (wire == 2) { digest = r.string(); } else { r.skip(wire); } }
        case 2 -> { if (wire == 2) { inputs.add(r.string()); } else { r.skip(wire); } }
        case 3 -> { if (wire == 2) { name = r.string(); } else { r.skip(wire); } }
        case 4 -> { if (wire == 0) { cached = r.varint() != 0; } else { r.skip(wire); } }
        case 5 -> { if (wire == 2) { started = timestamp(r.sub()); } else { r.skip(wire); } }
        case 6 -> { if (wire == 2) { completed = timestamp(r.sub()); } else { r.skip(wire); } }
        case 7 -> { if (wire == 2) { error = r.string(); } else { r.skip(wire); } }
        default -> r.skip(wire);
      }
    }
    return new Vertex(digest, inputs, name, cached, started, completed, error);
  }

  private static Log log(Reader r) {
    String vertex = "";
    long stream = 0;
    String msg = "";
    while (r.more()) {
      long key = r.varint();
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (field == 1 && wire == 2) {
        vertex = r.string();
      } else if (field == 3 && wire == 0) {
        stream = r.varint();
      } else if (field == 4 && wire == 2) {
        msg = r.string();
      } else {
        r.skip(wire);
      }
    }
    return new Log(vertex, stream, msg);
  }

  private static long timestamp(Reader r) {
    long seconds = 0;
    long nanos = 0;
    while (r.more()) {
      long key = r.varint();
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (field == 1 && wire == 0) {
        seconds = r.varint();
      } else if (field == 2 && wire == 0) {
        nanos = r.varint();
      } else {
        r.skip(wire);
      }
    }
    return seconds * 1_000_000_000L + nanos;
  }

  /** A bounded cursor over protobuf wire data. */
  private static final class Reader {
    private final byte[] b;
    private int pos;
    private final int end;

    Reader(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("truncated varint at byte " + pos);
        }
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("varint too long at byte " + pos);
    }

    Reader sub() {
      long len = varint();
      if (len < 0 || len > end - pos) {
        throw new IllegalArgumentException("length " + len + " past the end at byte " + pos);
      }
      Reader r = new Reader(b, pos, pos + (int) len);
      pos += (int) len;
      return r;
    }

    String string() {
      Reader s = sub();
      return new String(b, s.pos, s.end - s.pos, StandardCharsets.UTF_8);
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> advance(8);
        case 2 -> sub();
        case 5 -> advance(4);
        default -> throw new IllegalArgumentException("unknown wire type " + wire + " at byte " + pos);
      }
    }

    private void advance(int n) {
      if (n > end - pos) {
        throw new IllegalArgumentException("truncated field at byte " + pos);
      }
      pos += n;
    }
  }
}
