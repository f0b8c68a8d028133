package com.nextarget.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdoutLinesTest {

    @Test
    void printedLinesBecomeJsonLinesOnStandardOutput() throws Exception {
        // the handler writes to file descriptor 1 itself: run a child JVM and read what it wrote there
        ProcessBuilder child = new ProcessBuilder(
                System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"),
                Printer.class.getName());
        Process process = child.redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(out.lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"time\":\""));
        assertThat(out).contains("\"logger\":\"stdout\",\"message\":\"FileMonitoring shutdown\"")
                .contains("\"message\":\"two \\\"parts\\\"\"");
    }

    /** The child: prints as Payara does at shutdown, through a System.out that StdoutLines replaced. */
    public static final class Printer {
        public static void main(String[] args) {
            System.setOut(new PrintStream(new StdoutLines(), true, StandardCharsets.UTF_8));
            System.out.println("FileMonitoring shutdown");
            System.out.print("two ");
            System.out.print("\"parts\"\n");
            System.out.println("   ");
        }
    }
}
