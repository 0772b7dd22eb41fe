package io.stagebench.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.lint.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Per rule: files it must catch (with the lines) and files it must leave alone. */
class RulesTest {
  static List<Finding> lint(String text) throws Exception {
    return new Linter(Rules.all()).lint("Dockerfile", text.getBytes(StandardCharsets.UTF_8), Linter.Options.defaults()).findings();
  }

  static List<Integer> lines(String rule, String text) throws Exception {
    return lint(text).stream().filter(f -> f.ruleId().equals(rule)).map(Finding::line).toList();
  }

  static Arguments c(String rule, String text, Integer... lines) {
    return Arguments.of(rule, text, List.of(lines));
  }

  static Stream<Arguments> cases() {
    List<Arguments> a = new ArrayList<>();
    // DL3002
    a.add(c("DL3002", "FROM debian:12\nUSER root\n", 2));
    a.add(c("DL3002", "FROM debian:12\nUSER 0:0\n", 2));
    a.add(c("DL3002", "FROM debian:12\nUSER root\nRUN x\nUSER app\n"));
    a.add(c("DL3002", "FROM debian:12 AS b\nUSER root\nFROM debian:12\nUSER app\n"));
    // DL3006 / DL3007
    a.add(c("DL3006", "FROM debian\n", 1));
    a.add(c("DL3006", "ARG B=debian\nFROM ${B}\n", 2));
    a.add(c("DL3006", "FROM debian:12 AS b\nFROM b\nFROM scratch\nFROM localhost:5000/x:1\nFROM x@sha256:abc\n"));
    a.add(c("DL3007", "FROM debian:latest\n", 1));
    a.add(c("DL3007", "FROM debian:12\nFROM x@sha256:abc\n"));
    // DL3009: only where the lists reach the final image
    a.add(c("DL3009", "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n", 2));
    a.add(c("DL3009", "FROM debian:12 AS b\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nFROM debian:12\nCOPY --from=b /x /x\n"));
    a.add(c("DL3009", "FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN true\n", 2));
    a.add(c("DL3009", "FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n"));
    a.add(c("DL3009", "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n"));
    // DL3014 / DL3015 / DL3027
    a.add(c("DL3015", "FROM debian:12\nRUN apt-get install -y curl\n", 2));
    a.add(c("DL3015", "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\nRUN apt-get -o APT::Install-Recommends=false install -y x\n"));
    a.add(c("DL3014", "FROM debian:12\nRUN apt-get install curl\n", 2));
    a.add(c("DL3014", "FROM debian:12\nRUN apt-get install -qy curl && apt-get --yes install x\n"));
    a.add(c("DL3027", "FROM debian:12\nRUN apt install curl\n", 2));
    a.add(c("DL3027", "FROM debian:12\nRUN apt-get install -y curl # apt\n"));
    // DL3019
    a.add(c("DL3019", "FROM alpine:3\nRUN apk add curl\n", 2));
    a.add(c("DL3019", "FROM alpine:3\nRUN apk add --no-cache curl\n"));
    // DL3020
    a.add(c("DL3020", "FROM debian:12\nADD app.py /app/\n", 2));
    a.add(c("DL3020", "FROM debian:12\nADD https://x/y.tgz /y\nADD rootfs.tar.gz /\n"));
    // DL3022 / DL3023 / DL3024
    a.add(c("DL3022", "FROM debian:12 AS a\nFROM debian:12\nCOPY --from=bulid /x /x\n", 3));
    a.add(c("DL3022", "FROM debian:12 AS a\nFROM debian:12\nCOPY --from=a /x /x\nCOPY --from=0 /x /x\nCOPY --from=nginx:1 /x /x\n"));
    a.add(c("DL3023", "FROM debian:12 AS a\nCOPY --from=a /x /x\n", 2));
    a.add(c("DL3023", "FROM debian:12 AS a\nFROM debian:12 AS b\nCOPY --from=a /x /x\n"));
    a.add(c("DL3024", "FROM debian:12 AS a\nFROM debian:12 AS a\n", 2));
    a.add(c("DL3024", "FROM debian:12 AS a\nFROM debian:12 AS b\n"));
    // DL3032 / DL3036 / DL3040 / DL3060
    a.add(c("DL3032", "FROM centos:7\nRUN yum install -y x\n", 2));
    a.add(c("DL3032", "FROM centos:7\nRUN yum install -y x && yum clean all\n"));
    a.add(c("DL3036", "FROM opensuse:15\nRUN zypper install -y x\n", 2));
    a.add(c("DL3036", "FROM opensuse:15\nRUN zypper install -y x && zypper clean\n"));
    a.add(c("DL3040", "FROM fedora:39\nRUN dnf install -y x\n", 2));
    a.add(c("DL3040", "FROM fedora:39\nRUN dnf install -y x && dnf clean all\n"));
    a.add(c("DL3060", "FROM node:20\nRUN yarn install\n", 2));
    a.add(c("DL3060", "FROM node:20\nRUN yarn install && yarn cache clean\n"));
    // DL3042
    a.add(c("DL3042", "FROM python:3.11\nRUN pip install flask\nRUN python3 -m pip install x\n", 2, 3));
    a.add(c("DL3042", "FROM python:3.11\nRUN pip install --no-cache-dir flask\n"));
    a.add(c("DL3042", "FROM python:3.11\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n"));
    a.add(c("DL3042", "FROM python:3.11\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n"));
    // DL3046
    a.add(c("DL3046", "FROM debian:12\nRUN useradd -u 1000000 app\n", 2));
    a.add(c("DL3046", "FROM debian:12\nRUN useradd -l -u 1000000 app && useradd -u 10001 b\n"));
    // DL3059
    a.add(c("DL3059", "FROM debian:12\nRUN a\nRUN b\n", 3));
    a.add(c("DL3059", "FROM debian:12\nRUN a\nWORKDIR /x\nRUN b\nRUN --mount=type=cache,target=/c b\n"));
    // DL4006
    a.add(c("DL4006", "FROM debian:12\nRUN curl x | sh\n", 2));
    a.add(c("DL4006", "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl x | sh\nRUN a || b\n"));
    a.add(c("DL4006", "FROM debian:12\nRUN set -o pipefail && curl x | sh\n"));
    // DL3000 / DL3003 / DL3025 / DL4000
    a.add(c("DL3000", "FROM debian:12\nWORKDIR app\n", 2));
    a.add(c("DL3000", "FROM debian:12\nWORKDIR /app\nWORKDIR $HOME\n"));
    a.add(c("DL3003", "FROM debian:12\nRUN cd /x && make\n", 2));
    a.add(c("DL3003", "FROM debian:12\nRUN make -C /x\n"));
    a.add(c("DL3025", "FROM debian:12\nCMD node app.js\n", 2));
    a.add(c("DL3025", "FROM debian:12\nCMD [\"node\", \"app.js\"]\n"));
    a.add(c("DL4000", "FROM debian:12\nMAINTAINER me\n", 2));
    // SB001
    a.add(c("SB001", "FROM golang:1.21\nCOPY . .\nRUN go build -o /app .\n", 1));
    a.add(c("SB001", "FROM node:20-bookworm\nCOPY . .\nRUN npm ci\n", 1));
    a.add(c("SB001", "FROM maven:3.9 AS deps\nFROM deps\n", 2));
    a.add(c("SB001", "FROM golang:1.21 AS b\nFROM scratch\nCOPY --from=b /a /a\n"));
    a.add(c("SB001", "FROM node:20-slim\nFROM python:3.11-slim-bookworm\nFROM eclipse-temurin:17-jre\n"));
    // SB002
    a.add(c("SB002", "FROM node:20\nCOPY . .\nRUN npm ci\n", 2));
    a.add(c("SB002", "FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n"));
    a.add(c("SB002", "FROM debian:12\nCOPY . .\nRUN make\n"));
    // SB003
    a.add(c("SB003", "FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n", 3));
    a.add(c("SB003", "FROM node:20\nCOPY package.json ./\nRUN npm install\n"));
    a.add(c("SB003", "FROM node:20\nCOPY package*.json ./\nRUN npm install left-pad && npm ci\n"));
    // SB004
    a.add(c("SB004", "FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci\n", 3));
    a.add(c("SB004", "FROM node:20-slim\nRUN npm ci --omit=dev\n"));
    a.add(c("SB004", "FROM node:20-slim\nENV NODE_ENV=production\nRUN npm ci\n"));
    a.add(c("SB004", "FROM node:20-slim\nRUN npm ci && npm run build && npm prune --omit=dev\n"));
    a.add(c("SB004", "FROM node:20 AS b\nRUN npm ci\nFROM node:20-slim\nCOPY --from=b /x /x\n"));
    // SB005
    a.add(c("SB005", "FROM debian:12\nCOPY big.tar /tmp/big.tar\nRUN tar xf /tmp/big.tar\nRUN rm -rf /tmp/big.tar\n", 4));
    a.add(c("SB005", "FROM debian:12\nRUN apt-get update && apt-get install -y x\nRUN rm -rf /var/lib/apt/lists/*\n", 3));
    a.add(c("SB005", "FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n"));
    a.add(c("SB005", "FROM debian:12\nWORKDIR /src\nCOPY a/ a/\nRUN mkdir b && rm -rf b\n"));
    // SB006
    a.add(c("SB006", "FROM debian:12\nWORKDIR /app\nCOPY . .\nRUN chown -R app:app /app\n", 4));
    a.add(c("SB006", "FROM debian:12\nCOPY --chown=app:app . /app\nRUN chmod -R go-w /var/log\n"));
    // SB007
    a.add(c("SB007", "FROM debian:12 AS unused\nFROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /x /x\n", 1));
    a.add(c("SB007", "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /x /x\n"));
    // SB008 / SB009
    a.add(c("SB008", "FROM debian:12\nFROM debian:12\nCOPY --from=0 /x /x\n", 3));
    a.add(c("SB008", "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /x /x\n"));
    a.add(c("SB009", "FROM debian:12\nFROM debian:12\nCOPY --from=0 /x /x\n", 1));
    a.add(c("SB009", "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=0 /x /x\n"));
    // SB010
    a.add(c("SB010", "FROM golang:1.21 AS b\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n", 4));
    a.add(c("SB010", "FROM golang:1.21 AS b\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n"));
    a.add(c("SB010", "FROM golang:1.21 AS b\nENV CGO_ENABLED=0\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n"));
    a.add(c("SB010", "FROM golang:1.21 AS b\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=b /app /app\n"));
    // SB011
    a.add(c("SB011", "FROM debian:12\nRUN apt-get install -y --no-install-recommends x\n", 2));
    a.add(c("SB011", "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y x\nRUN echo mvn\n"));
    // SB013
    a.add(c("SB013", "FROM debian:12\nRUN true\n", 1));
    a.add(c("SB013", "FROM debian:12 AS base\nUSER app\nFROM base\n"));
    return a.stream();
  }

  @ParameterizedTest(name = "{0} {index}")
  @MethodSource("cases")
  void ruleCatchesExactlyTheseLines(String rule, String text, List<Integer> expected) throws Exception {
    assertThat(Rules.byId(rule)).as("rule exists").isPresent();
    assertThat(lines(rule, text)).as(rule + " on\n" + text).isEqualTo(expected);
  }
}
