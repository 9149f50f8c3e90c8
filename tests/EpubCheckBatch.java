// EPUBCheck over many books in one JVM (a JVM start costs 6-15 s). Run with the JDK's source launcher:
//   java -cp epubcheck.jar tests/EpubCheckBatch.java
// Protocol (UTF-8 lines): prints "ready"; then reads "REPORT.json<TAB>BOOK.epub" per line and, for each,
// runs EPUBCheck's own command-line entry point (EpubChecker.run, which returns instead of exiting like
// Checker.main) with "BOOK.epub --json REPORT.json -u", then prints "done<TAB>EXIT_CODE". Ends at end of input.
// EPUBCheck's own console output goes to stderr, so stdout carries only the protocol.

import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class EpubCheckBatch {
  public static void main(String[] args) throws Exception {
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    protocol.println("ready");
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split("\t", 2);
      int code;
      if (parts.length != 2) {
        code = -1;
      } else {
        try {
          // A fresh checker per book: its options and counters are instance fields.
          code = new EpubChecker().run(new String[] {parts[1], "--json", parts[0], "-u"});
        } catch (Throwable error) {
          error.printStackTrace();
          code = -2;
        }
      }
      protocol.println("done\t" + code);
    }
  }
}
