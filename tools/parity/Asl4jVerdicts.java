// asl4j's verdicts for the parity corpus: reads the JSON lines written by parity.js (one case per
// line: {"id", "definition", "stateMachineType"}), writes one JSON line per case with every problem
// asl4j reports. Run by parity.js through the single-file source launcher (java Asl4jVerdicts.java)
// with the dsl module's classes and dependencies on the class path; see parity.js for the command.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.Validator;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class Asl4jVerdicts {
  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode c = mapper.readTree(line);
        StateMachineType type =
            StateMachineType.valueOf(c.path("stateMachineType").asText("STANDARD"));
        ObjectNode verdict = mapper.createObjectNode();
        verdict.put("id", c.path("id").asText());
        ArrayNode problems = verdict.putArray("problems");
        for (Problem p :
            Validator.validateJson(c.get("definition").toString(), ValidationOptions.forType(type))
                .problems()) {
          ObjectNode o = problems.addObject();
          o.put("severity", p.severity().label());
          o.put("tag", p.tag());
          o.put("pointer", p.pointer());
          o.put("message", p.message());
        }
        out.println(mapper.writeValueAsString(verdict));
      }
    }
  }
}
