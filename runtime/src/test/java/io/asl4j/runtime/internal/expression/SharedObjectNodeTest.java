package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.AslPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SharedObjectNodeTest {
  @Test
  void aChainOfResultPathsSharesFieldsAndKeepsEveryEarlierObjectAsItWas() {
    JsonNode input = Nodes.json("{\"id\":1}");
    List<JsonNode> outputs = new ArrayList<>();
    JsonNode current = input;
    for (int i = 0; i < 20; i++) {
      current = ResultPaths.merge(current, AslPath.parse("$.s" + i), IntNode.valueOf(i));
      outputs.add(current);
    }
    assertEquals("{\"id\":1}", input.toString());
    StringBuilder expected = new StringBuilder("{\"id\":1");
    for (int i = 0; i < 20; i++) {
      expected.append(",\"s").append(i).append("\":").append(i);
      assertEquals(expected + "}", outputs.get(i).toString());
      assertEquals(Nodes.json(expected + "}"), outputs.get(i));
    }
    assertInstanceOf(SharedObjectNode.class, outputs.get(19));
  }

  @Test
  void aReplacedFieldKeepsItsPlaceAndANewOneGoesLast() {
    JsonNode input = Nodes.json("{\"a\":1,\"b\":2,\"c\":3}");
    JsonNode replaced = ResultPaths.merge(input, AslPath.parse("$.b"), Nodes.json("\"x\""));
    JsonNode added = ResultPaths.merge(replaced, AslPath.parse("$.d"), Nodes.json("4"));
    JsonNode again = ResultPaths.merge(added, AslPath.parse("$.b"), Nodes.json("5"));
    assertEquals("{\"a\":1,\"b\":\"x\",\"c\":3}", replaced.toString());
    assertEquals("{\"a\":1,\"b\":\"x\",\"c\":3,\"d\":4}", added.toString());
    assertEquals("{\"a\":1,\"b\":5,\"c\":3,\"d\":4}", again.toString());
    assertEquals(4, again.size());
  }

  @Test
  void changingANodeCopiesItsFieldsAndLeavesTheNodesItSharesWithAlone() {
    ObjectNode first =
        (ObjectNode)
            ResultPaths.merge(Nodes.json("{\"a\":1}"), AslPath.parse("$.b"), Nodes.json("2"));
    ObjectNode second =
        (ObjectNode) ResultPaths.merge(first, AslPath.parse("$.c"), Nodes.json("3"));
    ObjectNode third =
        (ObjectNode) ResultPaths.merge(second, AslPath.parse("$.d"), Nodes.json("4"));

    second.put("a", 10); // what a handler changing the node it was given does
    second.remove("b");

    assertEquals("{\"a\":1,\"b\":2}", first.toString());
    assertEquals("{\"a\":10,\"c\":3}", second.toString());
    assertEquals("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", third.toString());
    assertFalse(((SharedObjectNode) second).shared());
    assertTrue(((SharedObjectNode) third).shared());
  }

  @Test
  void changesThroughIteratorsAndEntriesReachTheNode() {
    ObjectNode node =
        (ObjectNode)
            ResultPaths.merge(
                Nodes.json("{\"a\":1,\"b\":2}"), AslPath.parse("$.c"), Nodes.json("3"));
    ObjectNode sibling =
        (ObjectNode) ResultPaths.merge(node, AslPath.parse("$.d"), Nodes.json("4"));
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("a")) {
        it.remove();
      } else {
        e.setValue(IntNode.valueOf(e.getValue().intValue() * 100));
      }
    }
    assertEquals("{\"b\":200,\"c\":300}", node.toString());
    assertEquals("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", sibling.toString());
    node.retain("c");
    assertEquals("{\"c\":300}", node.toString());
  }

  @Test
  void aSharedNodeEqualsAndHashesAsAPlainObjectWithTheSameFields() {
    JsonNode shared =
        ResultPaths.merge(
            Nodes.json("{\"a\":[1,2],\"b\":{\"c\":null}}"),
            AslPath.parse("$.b.d"),
            Nodes.json("true"));
    JsonNode plain = Nodes.json("{\"a\":[1,2],\"b\":{\"c\":null,\"d\":true}}");
    assertEquals(plain, shared);
    assertEquals(shared, plain);
    assertEquals(plain.hashCode(), shared.hashCode());
    assertEquals(plain, shared.deepCopy());
    assertEquals(plain.toPrettyString(), shared.toPrettyString());
  }

  /** One ResultPath on a field of {@code $}, or a change a handler might make to the node. */
  record Op(int kind, int field, int value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 9),
            Arbitraries.integers().between(0, 14),
            Arbitraries.integers().between(0, 99))
        .as(Op::new)
        .list()
        .ofMaxSize(60);
  }

  /**
   * Any sequence of ResultPaths and in-place changes leaves every node made on the way with the
   * fields, order and values a copying implementation gives, and never changes an earlier node.
   */
  @Property
  void anySequenceOfPlacementsAndChangesMatchesCopying(@ForAll("ops") List<Op> ops) {
    JsonNode input = Nodes.json("{\"f0\":0,\"f1\":1}");
    List<JsonNode> made = new ArrayList<>(List.of(input));
    List<ObjectNode> expected = new ArrayList<>(List.of(((ObjectNode) input).deepCopy()));
    for (Op op : ops) {
      // Mostly the latest node, as a chain of states does (deep layers), else any earlier one.
      int from = op.value() % 3 != 0 ? made.size() - 1 : op.value() % made.size();
      ObjectNode node = (ObjectNode) made.get(from);
      String name = "f" + op.field();
      if (op.kind() < 7) { // mostly placements
        made.add(ResultPaths.merge(node, AslPath.parse("$." + name), IntNode.valueOf(op.value())));
        ObjectNode copy = expected.get(from).deepCopy();
        copy.set(name, IntNode.valueOf(op.value()));
        expected.add(copy);
      } else if (op.kind() == 7) {
        node.put(name, -op.value());
        expected.get(from).put(name, -op.value());
      } else if (op.kind() == 8) {
        node.remove(name);
        expected.get(from).remove(name);
      } else {
        node.set(name, JsonNodeFactory.instance.objectNode().put("x", op.value()));
        expected.get(from).set(name, JsonNodeFactory.instance.objectNode().put("x", op.value()));
      }
    }
    for (int i = 0; i < made.size(); i++) {
      assertEquals(expected.get(i).toString(), made.get(i).toString(), "node " + i);
      assertEquals(expected.get(i).size(), made.get(i).size(), "size of node " + i);
      for (int f = 0; f < 15; f++) {
        assertEquals(
            expected.get(i).get("f" + f), made.get(i).get("f" + f), "f" + f + " of node " + i);
      }
    }
  }
}
