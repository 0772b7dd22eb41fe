package io.stagebench.cli;

import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.FixtureException;
import io.stagebench.fixture.FixtureLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --fixtures-dir}: fixtures from outside the repository besides the bundled ones. */
final class FixturesDirOption {
  @Option(names = "--fixtures-dir", paramLabel = "DIR", description = "A fixture directory (holding fixture.json) or a "
      + "directory of them, outside the repository; repeatable. Its fixtures become the default selection; names must "
      + "differ from the bundled ones.")
  List<Path> fixturesDirs = new ArrayList<>();

  /** The bundled fixtures plus those of {@code --fixtures-dir}, narrowed to {@code names} (empty: the default). */
  List<Fixture> select(Path home, List<String> names) throws FixtureException {
    List<Fixture> external = FixtureLoader.loadExternal(fixturesDirs);
    return FixtureLoader.select(FixtureLoader.loadAll(home.resolve("fixtures")), external, names);
  }
}
