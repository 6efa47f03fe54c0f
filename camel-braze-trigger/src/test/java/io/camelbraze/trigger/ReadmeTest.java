/*
 * Copyright 2026 The camel-braze-trigger authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelbraze.trigger;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs: the option and header tables of docs/options-and-headers.md are generated from the component's JSON
 * descriptor, so they cannot drift (after changing an option or header, regenerate them with
 * {@code ./mvnw -pl camel-braze-trigger -am verify -Dreadme.update=true}); every relative link of README.md, docs/ and the
 * examples' README resolves, anchors included; no page names an issue; README.md is a landing page whose two commands run
 * through the Maven wrapper, as {@code .ci/run} does; the YAML routes load without Camel's compact-notation warning; the
 * Java quick start compiles without a javac warning.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of("..");
    private static final Path README = ROOT.resolve("README.md");
    private static final Path OPTIONS_PAGE = ROOT.resolve("docs").resolve("options-and-headers.md");
    private static final Path ADOC = Path.of("src", "main", "docs", "braze-trigger-component.adoc");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final List<Pattern> ISSUE_TALK = List.of(Pattern.compile("(?i)\\bissues?\\s*#?\\s*\\d+"),
            Pattern.compile("(?i)\\bthe issue\\b"), Pattern.compile("(?i)\\bdone when\\b"),
            Pattern.compile("(?<![\\w/&{-])#\\d+\\b"));

    @Test
    void optionAndHeaderTablesMatchTheDescriptor() throws Exception {
        JsonNode descriptor = ComponentDescriptorTest.descriptor();
        String page = Files.readString(OPTIONS_PAGE, StandardCharsets.UTF_8);
        String expected = replaceBetween(page, "options", optionTables(descriptor));
        expected = replaceBetween(expected, "headers", headerTable(descriptor.path("headers")));
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(OPTIONS_PAGE, expected, StandardCharsets.UTF_8);
            page = expected;
        }
        assertThat(page).as("docs/options-and-headers.md tables (regenerate with -Dreadme.update=true)").isEqualTo(expected);
    }

    /** The pages a user reads: README.md, every page of docs/, the examples' README, the changelog. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README, ROOT.resolve("examples").resolve("README.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyRelativeLinkResolves() throws Exception {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            String text = withoutCode(Files.readString(page, StandardCharsets.UTF_8));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                           && !anchors(Files.readString(resolved, StandardCharsets.UTF_8)).contains(target.substring(hash + 1))) {
                    broken.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(checked).as("relative links checked").isGreaterThan(30);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void noPageNamesAnIssue() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern pattern : ISSUE_TALK) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(page + ":" + (i + 1) + ": " + lines.get(i));
                    }
                }
            }
        }
        assertThat(found).as("lines that speak of issues rather than to users").isEmpty();
    }

    @Test
    void readmeIsALandingPageWhoseTwoCommandsUseTheWrapper() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        assertThat(readme.lines().count()).as("README.md lines").isLessThan(160);
        assertThat(readme).contains("`./mvnw -B -Prun-example -DskipTests verify`", "`./mvnw -B verify`")
                .contains("**Java DSL**", "**YAML DSL**", "**Spring Boot**", "**Quarkus**", "**Kamelets**");
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.map(p -> "(docs/" + p.getFileName() + ")").forEach(link -> assertThat(readme).as("README links " + link).contains(link));
        }
        assertThat(Files.readString(ROOT.resolve(".ci").resolve("run"), StandardCharsets.UTF_8)).contains("exec ./mvnw -B -ntp verify");
        assertThat(Files.readString(ROOT.resolve(".mvn").resolve("wrapper").resolve("maven-wrapper.properties"), StandardCharsets.UTF_8))
                .contains("distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip");
        assertThat(ROOT.resolve("mvnw")).isExecutable();
        assertThat(ROOT.resolve("mvnw.cmd")).exists();
    }

    /** Every YAML route of the docs loads, and Camel 4.22 does not call it the deprecated compact notation. */
    @Test
    void yamlRoutesInTheDocsUseTheCanonicalNotation() throws Exception {
        List<String> routes = new ArrayList<>();
        for (Path page : pages()) {
            Matcher block = FENCE.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (block.find()) {
                if ("yaml".equals(block.group(1)) && block.group(2).startsWith("- route:")) {
                    routes.add(block.group(2));
                }
            }
        }
        assertThat(routes).as("YAML routes in the docs").hasSizeGreaterThanOrEqualTo(4);
        List<String> warnings = new CopyOnWriteArrayList<>();
        AbstractAppender capture = new AbstractAppender("compact-notation", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                warnings.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        Logger root = (Logger) LogManager.getRootLogger();
        root.addAppender(capture);
        try {
            for (String route : routes) {
                try (DefaultCamelContext context = new DefaultCamelContext()) {
                    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("docs.camel.yaml", route));
                    assertThat(context.getRouteDefinitions()).as(route).hasSize(1);
                }
            }
        } finally {
            root.removeAppender(capture);
        }
        assertThat(warnings).as("warnings while loading the docs' YAML routes").noneMatch(w -> w.contains("compact notation"));
    }

    /** The README's Java quick start, in a RouteBuilder, compiles with every javac lint on and warnings as errors. */
    @Test
    void javaQuickStartCompilesWithoutWarnings() throws Exception {
        Matcher block = FENCE.matcher(Files.readString(README, StandardCharsets.UTF_8));
        String snippet = null;
        while (snippet == null && block.find()) {
            snippet = "java".equals(block.group(1)) ? block.group(2) : null;
        }
        assertThat(snippet).as("a java block in README.md").isNotNull().contains("braze-trigger:");
        String source = "public class QuickStart extends org.apache.camel.builder.RouteBuilder {\n"
                        + "    @Override\n    public void configure() {\n" + snippet + "    }\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createDirectories(Path.of("target", "readme-quick-start"));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter messages = new StringWriter();
        JavaFileObject file = new SimpleJavaFileObject(java.net.URI.create("string:///QuickStart.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean compiled = javac.getTask(messages, null, null, List.of("-Xlint:all", "-Werror", "-proc:none", "-classpath", classpath,
                "-d", out.toString()), null, List.of(file)).call();
        assertThat(messages.toString()).as("javac's messages").isEmpty();
        assertThat(compiled).isTrue();
    }

    private static String withoutCode(String markdown) {
        return FENCE.matcher(markdown).replaceAll("").replaceAll("`[^`\\n]*`", "");
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : FENCE.matcher(markdown).replaceAll("").split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /**
     * The component's adoc page (src/main/docs, shipped in the jar for Camel's catalog) carries the same tables in AsciiDoc
     * between its "braze-trigger tables" markers: Camel's own include lines render only on Camel's documentation site.
     */
    @Test
    void adocTablesMatchTheDescriptor() throws Exception {
        JsonNode descriptor = ComponentDescriptorTest.descriptor();
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        String start = "// braze-trigger tables: START\n";
        String end = "// braze-trigger tables: END";
        int from = adoc.indexOf(start);
        int to = adoc.indexOf(end);
        assertThat(from).as("adoc marker %s", start.trim()).isNotNegative();
        assertThat(to).as("adoc marker %s", end).isGreaterThan(from);
        String tables = "=== Component options\n\nSet as `camel.component.braze-trigger.*`; the defaults of every endpoint.\n\n"
                        + adocTable(descriptor.path("componentProperties"))
                        + "\n=== Endpoint options\n\n`braze-trigger:operation?options`, where the operation is `canvas` or"
                        + " `campaign`.\n\n" + adocTable(descriptor.path("properties"))
                        + "\n=== Message headers\n\n" + adocHeaders(descriptor.path("headers"));
        String expected = adoc.substring(0, from + start.length()) + tables + adoc.substring(to);
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(ADOC, expected, StandardCharsets.UTF_8);
            adoc = expected;
        }
        assertThat(adoc).as("adoc tables (regenerate with -Dreadme.update=true)").isEqualTo(expected);
    }

    private static String adocTable(JsonNode options) {
        StringBuilder out = new StringBuilder("[width=\"100%\",cols=\"2,1,1,1,5\",options=\"header\"]\n|===\n"
                                              + "| Option | Group | Default | Type | Description\n");
        options.fields().forEachRemaining(option -> {
            JsonNode o = option.getValue();
            out.append("| `").append(option.getKey()).append('`')
                    .append("path".equals(o.path("kind").asText()) ? " (path)" : "")
                    .append(o.path("required").asBoolean() ? " *required*" : "")
                    .append(" | ").append(o.path("group").asText())
                    .append(" | ").append(o.has("defaultValue") ? "`" + o.path("defaultValue").asText() + "`" : "")
                    .append(" | ").append(adocCell(o.path("type").asText()))
                    .append(" | ").append(adocCell(o.path("description").asText()))
                    .append(o.path("secret").asBoolean() ? " _(secret)_" : "")
                    .append('\n');
        });
        return out.append("|===\n").toString();
    }

    private static String adocHeaders(JsonNode headers) {
        StringBuilder out = new StringBuilder("[width=\"100%\",cols=\"2,2,5\",options=\"header\"]\n|===\n"
                                              + "| Header | Type | Description\n");
        headers.fields().forEachRemaining(header -> out.append("| `").append(header.getKey()).append("` | ")
                .append(adocCell(header.getValue().path("javaType").asText())).append(" | ")
                .append(adocCell(header.getValue().path("description").asText())).append('\n'));
        return out.append("|===\n").toString();
    }

    private static String adocCell(String text) {
        // {name} would be read as an attribute reference, | as a cell separator
        return text.replace("|", "\\|").replace("{", "\\{").replace("\n", " ");
    }

    private static String optionTables(JsonNode descriptor) {
        return "Component options (`camel.component.braze-trigger.*`), the defaults of every endpoint:\n\n"
               + table(descriptor.path("componentProperties"), false)
               + "\nEndpoint options: `braze-trigger:operation?options`, where the operation is `canvas` or `campaign`:\n\n"
               + table(descriptor.path("properties"), true);
    }

    private static String table(JsonNode options, boolean withPath) {
        StringBuilder out = new StringBuilder("| option | group | default | type | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            String kind = withPath && "path".equals(o.path("kind").asText()) ? " (path)" : "";
            out.append("| `").append(option.getKey()).append('`').append(kind)
                    .append(o.path("required").asBoolean() ? " *required*" : "")
                    .append(" | ").append(o.path("group").asText())
                    .append(" | ").append(o.has("defaultValue") ? "`" + o.path("defaultValue").asText() + "`" : "")
                    .append(" | ").append(cell(o.path("type").asText()))
                    .append(" | ").append(cell(o.path("description").asText()))
                    .append(o.path("secret").asBoolean() ? " *(secret)*" : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String headerTable(JsonNode headers) {
        StringBuilder out = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        headers.fields().forEachRemaining(header -> out.append("| `").append(header.getKey()).append("` | ")
                .append(cell(header.getValue().path("javaType").asText())).append(" | ")
                .append(cell(header.getValue().path("description").asText())).append(" |\n"));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String replaceBetween(String text, String marker, String content) {
        String start = "<!-- " + marker + ":start -->\n";
        String end = "<!-- " + marker + ":end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("docs marker %s", start.trim()).isNotNegative();
        assertThat(to).as("docs marker %s", end).isGreaterThan(from);
        return text.substring(0, from + start.length()) + content + text.substring(to);
    }
}
