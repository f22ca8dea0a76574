package org.sanctuaryrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** What a service team checks before depending on the library: a licence, and where the project and its fixes live. */
class ProjectMetadataTest {
    private static Document pom;
    private static XPath xpath;

    @BeforeAll
    static void readPom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        xpath = XPathFactory.newInstance().newXPath();
    }

    private static String pom(String path) throws Exception {
        // The POM's elements are in Maven's namespace: match them by local name.
        String steps = String.join("/", Arrays.stream(path.split("/")).map(s -> "*[local-name()='" + s + "']").toList());
        return xpath.evaluate("/" + steps, pom).strip();
    }

    @Test
    void theLicenceIsApache2InTheRepositoryAndThePom() throws Exception {
        String licence = Files.readString(Path.of("LICENSE"), StandardCharsets.UTF_8);
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"), "LICENSE");
        assertEquals("Apache-2.0", pom("project/licenses/license/name"));
        assertEquals("https://www.apache.org/licenses/LICENSE-2.0.txt", pom("project/licenses/license/url"));
    }

    @Test
    void thePomSaysWhereTheProjectLivesAndWhoKeepsIt() throws Exception {
        String url = pom("project/url");
        assertTrue(url.startsWith("https://"), "<url>: " + url);
        assertEquals(url, pom("project/scm/url"));
        assertEquals("scm:git:" + url + ".git", pom("project/scm/connection"));
        assertEquals(url + "/issues", pom("project/issueManagement/url"));
        assertFalse(pom("project/developers/developer/name").isEmpty(), "<developers>");
        assertFalse(pom("project/organization/name").isEmpty(), "<organization>");
    }

    @Test
    void securityProblemsHaveARealPrivateChannel() throws Exception {
        String security = Files.readString(Path.of("docs", "security.md"), StandardCharsets.UTF_8);
        assertFalse(security.toUpperCase().contains("PLACEHOLDER"), "docs/security.md still has a placeholder");
        assertTrue(security.contains(pom("project/url") + "/security/advisories/new"),
                "docs/security.md names the repository's private advisory form");
    }
}
