package io.stagebench.harness;

import io.stagebench.StagebenchException;

/** A fixture's manifest or files are wrong: names the fixture and what to fix. */
public class FixtureException extends StagebenchException {
  private static final long serialVersionUID = 1L;

  public FixtureException(String message) {
    super(Category.BUILD_FAILED, message);
  }

  public FixtureException(Category category, String message) {
    super(category, message);
  }
}
