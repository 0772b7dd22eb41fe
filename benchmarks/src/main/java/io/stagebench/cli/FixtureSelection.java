package io.stagebench.cli;

import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.FixtureException;
import io.stagebench.fixture.FixtureLoader;
import java.nio.file.Path;
import java.util.List;

/** The fixtures a command works on: bundled ones plus those of {@code --fixtures-dir}. */
final class FixtureSelection {
  static final String FIXTURES_DIR_DOC = "A fixture directory (holding fixture.json) or a directory of them, outside the "
      + "repository; repeatable. Its fixtures become the default selection; names must differ from the bundled ones.";

  private FixtureSelection() {}

  static List<Fixture> select(Path home, List<Path> fixturesDirs, List<String> names) throws FixtureException {
    List<Fixture> external = FixtureLoader.loadExternal(fixturesDirs);
    return FixtureLoader.select(FixtureLoader.loadAll(home.resolve("fixtures")), external, names);
  }
}
