package io.stagebench.image;

import java.util.List;

/**
 * What the dynamic loader needs to start an ELF file: its interpreter (PT_INTERP), the libraries it
 * names (DT_NEEDED) and its search paths (DT_RUNPATH, DT_RPATH), its SONAME, and whether it is an
 * executable or a shared object. {@code parsed} is false when the dynamic section could not be read
 * within the bounded prefix (the needed list is then unknown, not empty).
 */
public record ElfInfo(
    boolean executable,
    boolean is64,
    int machine,
    String interpreter,
    List<String> needed,
    List<String> runpath,
    List<String> rpath,
    String soname,
    boolean parsed) {}
