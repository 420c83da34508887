package com.example.workshop.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every module pom stands alone, so each one repeats the versions it uses as properties. This
 * check is what keeps those copies in step: the same property must have one value everywhere.
 */
class SharedVersionsTest {

  @Test
  @DisplayName("every module listed by the aggregator pom stands alone (no <parent>)")
  void modulesHaveNoParent() throws Exception {
    for (Path pom : modulePoms()) {
      Document doc = parse(pom);
      NodeList parents = doc.getDocumentElement().getElementsByTagName("parent");
      assertEquals(0, parents.getLength(), pom + " must not declare a <parent>");
    }
  }

  @Test
  @DisplayName("a version property has the same value in every module pom")
  void sharedVersionsAgree() throws Exception {
    List<Path> poms = modulePoms();
    assertFalse(poms.isEmpty(), "the aggregator lists no modules");
    List<String> disagreements = disagreements(poms);
    assertTrue(disagreements.isEmpty(), "version properties disagree:\n" + String.join("\n", disagreements));
  }

  @Test
  @DisplayName("the check reports a module pom that drifts from the others")
  void driftIsReported(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a.xml");
    Path b = tmp.resolve("b.xml");
    Files.writeString(a, pomWith("<junit-bom.version>6.1.3</junit-bom.version>"));
    Files.writeString(b, pomWith("<junit-bom.version>5.14.4</junit-bom.version>"));
    List<String> found = disagreements(List.of(a, b));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).contains("junit-bom.version"), found.get(0));
  }

  private static String pomWith(String property) {
    return "<project><properties>" + property + "</properties></project>";
  }

  /** One line per property whose value differs between poms, naming each value and file. */
  static List<String> disagreements(List<Path> poms) throws Exception {
    Map<String, Map<String, List<String>>> seen = new TreeMap<>();
    for (Path pom : poms) {
      for (Map.Entry<String, String> p : versionProperties(parse(pom)).entrySet()) {
        seen.computeIfAbsent(p.getKey(), k -> new TreeMap<>())
            .computeIfAbsent(p.getValue(), k -> new ArrayList<>())
            .add(pom.toString());
      }
    }
    List<String> out = new ArrayList<>();
    seen.forEach(
        (name, values) -> {
          if (values.size() > 1) {
            out.add(name + ": " + values);
          }
        });
    return out;
  }

  private static Map<String, String> versionProperties(Document doc) {
    Map<String, String> props = new TreeMap<>();
    NodeList list = doc.getDocumentElement().getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      Node n = list.item(i);
      if (n instanceof Element e && e.getTagName().equals("properties")) {
        NodeList children = e.getChildNodes();
        for (int j = 0; j < children.getLength(); j++) {
          if (children.item(j) instanceof Element p
              && (p.getTagName().endsWith(".version") || p.getTagName().equals("maven.compiler.release"))) {
            props.put(p.getTagName(), p.getTextContent().trim());
          }
        }
      }
    }
    return props;
  }

  static List<Path> modulePoms() throws Exception {
    Path root = RepoRoot.get();
    String aggregator = Files.readString(root.resolve("pom.xml"));
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(aggregator);
    List<Path> poms = new ArrayList<>();
    while (m.find()) {
      poms.add(root.resolve(m.group(1).trim()).resolve("pom.xml"));
    }
    return poms;
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(pom.toFile());
  }
}
