package io.stagebench.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellWordsTest {
  private static final Map<String, String> ENV = Map.of("SET", "v", "EMPTY", "", "PATHV", "/a/b/c.tar.gz", "STAR", "*x*");

  private static String word(String in) throws ShellSyntaxException {
    return new ShellWords('\\', ENV::get).word(in);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("$SET", "v"),
        Arguments.of("${SET}", "v"),
        Arguments.of("x${UNSET}y", "xy"),
        Arguments.of("${SET:-w}", "v"),
        Arguments.of("${EMPTY:-w}", "w"),
        Arguments.of("${UNSET:-w}", "w"),
        Arguments.of("${EMPTY-w}", ""),
        Arguments.of("${UNSET-w}", "w"),
        Arguments.of("${SET:+w}", "w"),
        Arguments.of("${EMPTY:+w}", ""),
        Arguments.of("${EMPTY+w}", "w"),
        Arguments.of("${UNSET+w}", ""),
        Arguments.of("'$SET'", "$SET"),
        Arguments.of("\"$SET\"", "v"),
        Arguments.of("\\$SET", "$SET"),
        Arguments.of("\"a\\\"b\"", "a\"b"),
        Arguments.of("${PATHV#*/}", "a/b/c.tar.gz"),
        Arguments.of("${PATHV##*/}", "c.tar.gz"),
        Arguments.of("${PATHV%.*}", "/a/b/c.tar"),
        Arguments.of("${PATHV%%.*}", "/a/b/c"),
        Arguments.of("$", "$"),
        Arguments.of("${UNSET:-${SET}}", "v"),
        Arguments.of("${PATHV/\\//_}", "_a/b/c.tar.gz"),
        Arguments.of("${PATHV//\\//_}", "_a_b_c.tar.gz"),
        Arguments.of("${PATHV//?.*/}", "/a/b/"),
        Arguments.of("${STAR#\\*}", "x*"),
        Arguments.of("${UNSET-a b}", "a b"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void expandsLikeDocker(String in, String out) throws Exception {
    assertThat(word(in)).isEqualTo(out);
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> word("${UNSET:?must be set}")).hasMessageContaining("must be set");
    assertThatThrownBy(() -> word("${SET")).hasMessageContaining("missing '}'");
    assertThatThrownBy(() -> word("'abc")).hasMessageContaining("single-quote");
    assertThatThrownBy(() -> word("${}")).hasMessageContaining("bad substitution");
    assertThatThrownBy(() -> word("${SET:#x}")).hasMessageContaining("unsupported modifier (:#)");
    assertThatThrownBy(() -> word("${SET^x}")).hasMessageContaining("unsupported modifier (^)");
    assertThatThrownBy(() -> word("${SET:^x}")).hasMessageContaining("unsupported modifier (^)");
    assertThatThrownBy(() -> word("${UNSET?}")).hasMessageContaining("UNSET: is not allowed to be unset");
    assertThatThrownBy(() -> word("${EMPTY:?}")).hasMessageContaining("EMPTY: is not allowed to be empty");
    assertThatThrownBy(() -> word("${SET/x")).hasMessageContaining("missing '/'");
  }

  @Test
  void skipUnsetSpellsEachFormBackAsWritten() throws Exception {
    for (String form : new String[] {"$A", "${A}", "${A-b}", "${A+b}", "${A?b}", "${A:-b}", "${A:+b}", "${A:?b}",
        "${A#x}", "${A##x}", "${A%x}", "${A%%x}", "${A/x/y}"}) {
      assertThat(ShellWords.unquote(form)).as(form).isEqualTo(form);
    }
    assertThat(new ShellWords('\\', ENV::get).skipUnset(true).word("${SET?w}${EMPTY:-e}${SET/v/V}")).isEqualTo("veV");
  }

  @Test
  void wordsSplitOnUnquotedBlanksAndExpandedValues() throws Exception {
    var sw = new ShellWords('\\', Map.of("P", "80 443")::get);
    assertThat(sw.words("$P \"a b\" c")).containsExactly("80", "443", "a b", "c");
  }

  @Test
  void backtickEscape() throws Exception {
    assertThat(new ShellWords('`', ENV::get).word("`$SET\\x")).isEqualTo("$SET\\x");
  }

  @Test
  void skipUnsetKeepsReferences() throws Exception {
    assertThat(ShellWords.unquote("\"${A:-b}\" $C")).isEqualTo("${A:-b} $C");
  }
}
