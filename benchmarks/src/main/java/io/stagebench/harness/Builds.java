package io.stagebench.harness;

import io.stagebench.engine.BuildFailedException;
import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.BuildResult;
import io.stagebench.engine.ClassicBuilder;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import java.util.List;

/** The one place the harness picks a builder by name. */
final class Builds {
  private Builds() {}

  static BuildResult build(Engine engine, String builder, BuildRequest req) throws BuildFailedException, EngineException {
    if (builder.equals("classic")) {
      return new ClassicBuilder(engine).build(req);
    }
    throw new BuildFailedException("the BuildKit builder is not available in this build of stagebench", List.of());
  }
}
