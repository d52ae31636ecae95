package dev.tia.junit;

import java.io.PrintStream;

/**
 * tia's lines in a test run's output. Test runners show standard output and error to the user; JUnit's own
 * logging is hidden by default, which would hide exactly the lines a user needs (what was skipped, and why).
 */
final class Console {

    private Console() {
    }

    static void info(String line) {
        print(System.out, "tia: " + line);
    }

    static void warn(String line) {
        print(System.err, "tia: warning: " + line);
    }

    private static void print(PrintStream stream, String line) {
        stream.println(line);
        stream.flush();
    }
}
